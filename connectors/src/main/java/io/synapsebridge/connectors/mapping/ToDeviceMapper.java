package io.synapsebridge.connectors.mapping;

import io.synapsebridge.connectors.sequencing.CapturedRow;
import java.util.HashSet;
import java.util.Set;

/**
 * {@code to_device}: "this entity has new to-device messages". Entity = the local user of a {@code device_inbox}
 * row, or the remote server of a {@code device_federation_outbox} row.
 *
 * <p>Synapse writes one inbox row per target device under one stream id; v1.66 sends one row per entity for a range
 * of ids, so the copies of one (writer, token, entity) in a transaction become one row. Inbox rows are deleted
 * once delivered, never updated.
 */
public final class ToDeviceMapper implements TableMapper {
    private record Entry(String instance, long token, String entity) {
    }

    /** What the current transaction has already sent. */
    private final Set<Entry> sent = new HashSet<>();

    @Override
    public Set<String> tables() {
        return Set.of("device_inbox", "device_federation_outbox");
    }

    @Override
    public void map(ChangeRow change, MappingSink sink) {
        if (change.operation() != ChangeRow.Operation.INSERT) {
            return;
        }
        String entity = switch (change.table()) {
            case "device_inbox" -> change.text("user_id");
            case "device_federation_outbox" -> change.text("destination");
            default -> throw new InvalidChangeException(change.table() + " is not a table of the to_device stream");
        };
        Entry entry = new Entry(change.instance(), change.integer("stream_id"), entity);
        if (sent.add(entry)) {
            sink.row(new CapturedRow("to_device", entry.instance(), entry.token(),
                    Rows.object().put("entity", entity), change.source()));
        }
    }

    @Override
    public void endTransaction() {
        sent.clear();
    }
}
