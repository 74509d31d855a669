package io.synapsebridge.connectors.mapping;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.synapsebridge.connectors.sequencing.CapturedRow;
import java.util.List;
import java.util.Set;

/**
 * {@code caches}: one row per {@code cache_invalidation_stream_by_instance} insert. {@code keys} is the cache key
 * as text, or null for "the whole cache"; Synapse never updates these rows (it deletes them after a week).
 */
public final class CachesMapper implements TableMapper {
    public static final String STREAM = "caches";
    public static final String TABLE = "cache_invalidation_stream_by_instance";
    /** Ids are drawn from it inside the writing transaction, which is what the snapshot horizon relies on. */
    public static final String SEQUENCE = "cache_invalidation_stream_seq";

    @Override
    public Set<String> tables() {
        return Set.of(TABLE);
    }

    @Override
    public void map(ChangeRow change, MappingSink sink) {
        if (change.operation() != ChangeRow.Operation.INSERT) {
            return;
        }
        ObjectNode row = Rows.object().put("cache_func", change.text("cache_func"));
        List<String> keys = change.textArrayOrNull("keys");
        if (keys == null) {
            row.putNull("keys");
        } else {
            ArrayNode array = row.putArray("keys");
            keys.forEach(array::add);
        }
        // Nullable in the table; receivers do not use it.
        row.put("invalidation_ts", change.integerOrNull("invalidation_ts"));
        sink.row(new CapturedRow(STREAM, change.instance(), change.integer("stream_id"), row, change.source()));
    }
}
