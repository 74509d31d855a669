package io.synapsebridge.sim.rows;

import java.sql.SQLException;
import java.util.List;

/** Presence updates: the user's older rows are deleted and the new state inserted, as Synapse keeps one per user. */
public final class PresenceRows implements RowWriter {
    private static final List<String> STATES = List.of("online", "online", "unavailable", "offline");

    @Override
    public void write(WriteContext context) throws SQLException {
        var random = context.random();
        String user = context.population().user(random);
        String state = STATES.get(random.nextInt(STATES.size()));
        long now = System.currentTimeMillis();
        var connection = context.connection();
        Sql.update(connection, "DELETE FROM presence_stream WHERE stream_id < ? AND user_id = ?", context.storedId(), user);
        Sql.update(connection, "INSERT INTO presence_stream (stream_id, user_id, state, last_active_ts, "
                        + "last_federation_update_ts, last_user_sync_ts, status_msg, currently_active, instance_name) "
                        + "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
                context.storedId(), user, state, now - random.nextInt(60_000), now, now - random.nextInt(30_000),
                random.nextInt(4) == 0 ? "on a call" : null, state.equals("online"), context.instanceName());
        context.wrote("presence", "presence_stream");
    }
}
