package io.synapsebridge.connectors.mapping;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.synapsebridge.connectors.sequencing.CapturedRow;
import java.util.Set;

/**
 * {@code receipts}: one row per new {@code receipts_linearized} row. Synapse replaces a user's receipt in a room
 * by writing a row with a new stream id, so an update is a new stream row too.
 */
public final class ReceiptsMapper implements TableMapper {
    @Override
    public Set<String> tables() {
        return Set.of("receipts_linearized");
    }

    @Override
    public void map(ChangeRow change, MappingSink sink) {
        ObjectNode row = Rows.object()
                .put("room_id", change.text("room_id"))
                .put("receipt_type", change.text("receipt_type"))
                .put("user_id", change.text("user_id"))
                .put("event_id", change.text("event_id"))
                .putNull("thread_id");
        row.set("data", Rows.jsonObject(change, "data"));
        sink.row(new CapturedRow("receipts", change.instance(), change.integer("stream_id"), row, change.source()));
    }
}
