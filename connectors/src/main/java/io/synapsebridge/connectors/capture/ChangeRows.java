package io.synapsebridge.connectors.capture;

import io.synapsebridge.connectors.mapping.ChangeRow;
import io.synapsebridge.connectors.sequencing.SourcePosition;
import java.nio.ByteBuffer;
import java.util.HashMap;
import java.util.Map;
import org.apache.kafka.connect.data.Field;
import org.apache.kafka.connect.data.Struct;
import org.apache.kafka.connect.source.SourceRecord;

/** Reads Debezium's change envelope into a {@link ChangeRow}. */
final class ChangeRows {
    private ChangeRows() {
    }

    /** The source position of any record Debezium emits (changes and heartbeats alike). */
    static SourcePosition position(SourceRecord record) {
        Map<String, ?> offset = record.sourceOffset();
        Object lsn = offset == null ? null : offset.get("lsn");
        Object txId = offset == null ? null : offset.get("txId");
        return new SourcePosition(lsn instanceof Number n ? n.longValue() : 0,
                txId instanceof Number t ? t.longValue() : 0);
    }

    /**
     * The change, or null for records that are not inserts or updates of a row (heartbeats, tombstones, deletes).
     */
    static ChangeRow from(SourceRecord record, SourcePosition position) {
        if (!(record.value() instanceof Struct envelope) || envelope.schema().field("op") == null) {
            return null;
        }
        ChangeRow.Operation operation = switch (envelope.getString("op")) {
            case "c", "r" -> ChangeRow.Operation.INSERT;
            case "u" -> ChangeRow.Operation.UPDATE;
            default -> null;
        };
        Struct after = envelope.getStruct("after");
        if (operation == null || after == null) {
            return null;
        }
        Struct source = envelope.getStruct("source");
        String table = source.getString("table");
        Map<String, Object> columns = new HashMap<>();
        for (Field f : after.schema().fields()) {
            Object v = after.get(f);
            columns.put(f.name(), v instanceof ByteBuffer b ? bytes(b) : v);
        }
        return new ChangeRow(table, operation, columns, position);
    }

    private static byte[] bytes(ByteBuffer b) {
        byte[] out = new byte[b.remaining()];
        b.duplicate().get(out);
        return out;
    }
}
