package io.synapsebridge.connectors.mapping;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.synapsebridge.connectors.sequencing.CapturedRow;
import java.util.Set;

/**
 * {@code presence}: one row per new {@code presence_stream} row, which holds the user's whole presence state.
 * Synapse replaces a user's state by deleting the older rows and inserting a new one; it never updates a row.
 */
public final class PresenceMapper implements TableMapper {
    @Override
    public Set<String> tables() {
        return Set.of("presence_stream");
    }

    @Override
    public void map(ChangeRow change, MappingSink sink) {
        if (change.operation() != ChangeRow.Operation.INSERT) {
            return;
        }
        ObjectNode row = Rows.object()
                .put("user_id", change.text("user_id"))
                .put("state", change.text("state"))
                .put("last_active_ts", change.integer("last_active_ts"))
                .put("last_federation_update_ts", change.integer("last_federation_update_ts"))
                .put("last_user_sync_ts", change.integer("last_user_sync_ts"))
                .put("status_msg", change.textOrNull("status_msg"))
                .put("currently_active", change.bool("currently_active"));
        sink.row(new CapturedRow("presence", change.instance(), change.integer("stream_id"), row, change.source()));
    }
}
