package io.synapsebridge.connectors.mapping;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.synapsebridge.connectors.sequencing.CapturedRow;
import java.util.Set;

/**
 * {@code pushers}: added or changed pushers from {@code pushers} (token: the pusher's id), removed ones from
 * {@code deleted_pushers} (token: its stream_id).
 *
 * <p>Synapse adds or changes a pusher by upserting it with a new id. {@code id} is the table's primary key, and
 * capture reports a primary key change as a delete of the old key and an insert of the new one, so every new
 * stream id arrives as an insert. Updates keep the id: Synapse records delivery progress and failures on the row
 * ({@code last_stream_ordering}, {@code last_success}, {@code failing_since}), which is no stream row, and treating
 * them as one would re-send a token published long ago.
 */
public final class PushersMapper implements TableMapper {
    private static final String STREAM = "pushers";

    @Override
    public Set<String> tables() {
        return Set.of("pushers", "deleted_pushers");
    }

    @Override
    public void map(ChangeRow change, MappingSink sink) {
        if (change.operation() != ChangeRow.Operation.INSERT) {
            return;
        }
        switch (change.table()) {
            case "pushers" -> emit(change, sink, change.text("user_name"), change.integer("id"), false);
            case "deleted_pushers" -> emit(change, sink, change.text("user_id"), change.integer("stream_id"), true);
            default -> throw new InvalidChangeException(change.table() + " is not a table of the pushers stream");
        }
    }

    private static void emit(ChangeRow change, MappingSink sink, String userId, long token, boolean deleted) {
        ObjectNode row = Rows.object()
                .put("user_id", userId)
                .put("app_id", change.text("app_id"))
                .put("pushkey", change.text("pushkey"))
                .put("deleted", deleted);
        sink.row(new CapturedRow(STREAM, change.instance(), token, row, change.source()));
    }
}
