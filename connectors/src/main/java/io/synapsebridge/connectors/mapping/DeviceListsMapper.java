package io.synapsebridge.connectors.mapping;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.synapsebridge.connectors.sequencing.CapturedRow;
import java.util.Set;

/**
 * {@code device_lists} and {@code user_signature}, which share Synapse v1.66's device list id generator.
 *
 * <ul>
 *   <li>{@code device_lists_stream}: a local user's devices changed; entity = the user.</li>
 *   <li>{@code device_lists_outbound_pokes}: a remote server has device list updates to send; in v1.66 the entity
 *       is the destination server (later releases send the user instead, so the row marks the hosts as
 *       calculated). Synapse updates these rows when they are sent, which is no stream row.</li>
 *   <li>{@code user_signature_stream}: a user signed other users' keys; a row of the separate v1.66
 *       user_signature stream, user = the signer.</li>
 * </ul>
 * {@code device_lists_changes_in_room} is not read: v1.66 streamed nothing from it, and its ids are those of the
 * {@code device_lists_stream} rows written with it.
 */
public final class DeviceListsMapper implements TableMapper {
    @Override
    public Set<String> tables() {
        return Set.of("device_lists_stream", "device_lists_outbound_pokes", "user_signature_stream");
    }

    @Override
    public void map(ChangeRow change, MappingSink sink) {
        if (change.operation() != ChangeRow.Operation.INSERT) {
            return;
        }
        switch (change.table()) {
            case "device_lists_stream" -> deviceList(change, sink, change.text("user_id"), false);
            case "device_lists_outbound_pokes" -> deviceList(change, sink, change.text("destination"), true);
            case "user_signature_stream" -> sink.row(new CapturedRow("user_signature", change.instance(),
                    change.integer("stream_id"), Rows.object().put("user_id", change.text("from_user_id")),
                    change.source()));
            default -> throw new InvalidChangeException(change.table() + " is not a table of the device list streams");
        }
    }

    private static void deviceList(ChangeRow change, MappingSink sink, String entity, boolean hostsCalculated) {
        ObjectNode row = Rows.object()
                .put("entity", entity)
                .put("is_signature", false)
                .put("hosts_calculated", hostsCalculated);
        sink.row(new CapturedRow("device_lists", change.instance(), change.integer("stream_id"), row,
                change.source()));
    }
}
