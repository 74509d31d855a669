package io.synapsebridge.sim.rows;

import io.synapsebridge.sim.id.Stream;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

/**
 * Cache invalidation rows with Synapse's Python cache names and key shapes (keys are text, {@code null} means
 * the whole cache). The id is drawn inside the surrounding transaction.
 */
public final class CacheInvalidations implements RowWriter {
    /** Synapse sends at most this many members per {@code cs_cache_fake} row. */
    public static final int CURRENT_STATE_MEMBERS_PER_ROW = 50;
    public static final String CURRENT_STATE_CACHE_NAME = "cs_cache_fake";

    @Override
    public void write(WriteContext context) throws SQLException {
        var random = context.random();
        var population = context.population();
        int pick = random.nextInt(100);
        if (pick < 30) {
            insert(context, context.storedId(), "get_user_by_id", List.of(population.user(random)));
        } else if (pick < 45) {
            insert(context, context.storedId(), "get_aliases_for_room", List.of(population.room(random)));
        } else if (pick < 55) {
            insert(context, context.storedId(), "is_user_erased", List.of(population.user(random)));
        } else if (pick < 85) {
            String room = population.room(random);
            insert(context, context.storedId(), CURRENT_STATE_CACHE_NAME, List.of(room, population.user(random)));
        } else if (pick < 93) {
            insert(context, context.storedId(), "get_monthly_active_count", List.of());
        } else {
            insert(context, context.storedId(), "user_last_seen_monthly_active", null);
        }
    }

    /** Invalidates the current-state caches of {@code room} for {@code members}, in a new in-transaction id. */
    static void currentStateChanged(WriteContext context, String room, List<String> members) throws SQLException {
        List<String> keys = new ArrayList<>();
        keys.add(room);
        keys.addAll(members.subList(0, Math.min(members.size(), CURRENT_STATE_MEMBERS_PER_ROW)));
        long id = context.allocateInTransaction(Stream.CACHES);
        insert(context, id, CURRENT_STATE_CACHE_NAME, keys);
    }

    private static void insert(WriteContext context, long id, String cacheFunc, List<String> keys) throws SQLException {
        var connection = context.connection();
        Object keyArray = keys == null ? null : connection.createArrayOf("text", keys.toArray());
        Sql.update(connection, "INSERT INTO cache_invalidation_stream_by_instance "
                        + "(stream_id, instance_name, cache_func, keys, invalidation_ts) VALUES (?, ?, ?, ?, ?)",
                id, context.instanceName(), cacheFunc, keyArray, System.currentTimeMillis());
        context.wrote(Stream.CACHES, id, "caches", "cache_invalidation_stream_by_instance");
    }
}
