package io.synapsebridge.connectors.mapping;

import static io.synapsebridge.connectors.mapping.Changes.insert;
import static io.synapsebridge.connectors.mapping.Changes.update;
import static io.synapsebridge.connectors.mapping.RecordingSink.assertRow;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class PushRulesMapperTest {
    private final PushRulesMapper mapper = new PushRulesMapper();
    private final RecordingSink sink = new RecordingSink();

    @Test
    void aRuleChangeNamesTheUserAndComesFromTheMainProcess() {
        // v1.66's push_rules_stream has no instance_name column.
        mapper.map(insert("push_rules_stream", "stream_id", 3L, "event_stream_ordering", 120L,
                "user_id", "@alice:test.local", "rule_id", "global/override/.m.rule.master", "op", "ENABLE",
                "priority_class", null, "priority", null, "conditions", null, "actions", null), sink);

        assertThat(sink.placements()).containsExactly("push_rules/master/3");
        assertRow(sink.only(), """
                {"user_id":"@alice:test.local"}""");
    }

    @Test
    void updatesAreNotStreamRows() {
        mapper.map(update("push_rules_stream", "stream_id", 3L, "user_id", "@alice:test.local"), sink);

        assertThat(sink.rows).isEmpty();
    }

    @Test
    void badInputIsInvalidAndNamed() {
        assertThatThrownBy(() -> mapper.map(insert("push_rules_stream", "stream_id", 3L), sink))
                .isInstanceOf(InvalidChangeException.class).hasMessageContaining("push_rules_stream.user_id");
    }
}
