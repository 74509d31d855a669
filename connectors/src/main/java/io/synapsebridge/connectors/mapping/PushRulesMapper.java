package io.synapsebridge.connectors.mapping;

import io.synapsebridge.connectors.sequencing.CapturedRow;
import java.util.Set;

/**
 * {@code push_rules}: "this user's push rules changed", one row per {@code push_rules_stream} insert. The table is
 * append-only and has no instance_name in v1.66 (only the main process writes it).
 */
public final class PushRulesMapper implements TableMapper {
    @Override
    public Set<String> tables() {
        return Set.of("push_rules_stream");
    }

    @Override
    public void map(ChangeRow change, MappingSink sink) {
        if (change.operation() != ChangeRow.Operation.INSERT) {
            return;
        }
        sink.row(new CapturedRow("push_rules", change.instance(), change.integer("stream_id"),
                Rows.object().put("user_id", change.text("user_id")), change.source()));
    }
}
