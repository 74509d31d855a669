package io.synapsebridge.cli.faults;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import io.synapsebridge.contract.StreamRecord;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

class TopicAuditTest {
    private static final ResumeCheck.Expectations DUE = new ResumeCheck.Expectations(
            Map.of("events master", new TreeSet<>(List.of(1L, 2L, 3L))), Map.of("events master", Set.of(4L)));

    @Test
    void rowsOfATokenTogetherInTokenOrderWithPositionsBetweenAreClean() {
        TopicAudit.Result result = audit(row(1), row(2), row(2), StreamRecord.position("events", "master", 2),
                row(3), row(4), StreamRecord.position("events", "master", 7));

        assertThat(result.problems()).isEmpty();
        assertThat(result.rows()).isEqualTo(5);
    }

    @Test
    void aTokenPublishedAgainIsDuplicatedAndGoesBack() {
        TopicAudit.Result result = audit(row(1), row(2), row(3), row(2));

        assertThat(result.duplicated()).isEqualTo(1);
        assertThat(result.problems()).containsExactly("events master at offset 3: token 2 again");
    }

    @Test
    void aRowBelowAPositionAMissingTokenAndAnUnknownOneAreProblems() {
        TopicAudit.Result result = audit(row(1), StreamRecord.position("events", "master", 5), row(3), row(9));

        assertThat(result.lost()).isEqualTo(1);
        assertThat(result.problems()).containsExactlyInAnyOrder("events master at offset 2: row token 3 after 5",
                "events master: 1 committed tokens not in the topic",
                "events master: 1 tokens in the topic never committed");
    }

    private static StreamRecord row(long token) {
        return StreamRecord.row("events", "master", token, JsonNodeFactory.instance.objectNode());
    }

    private static TopicAudit.Result audit(StreamRecord... records) {
        TopicAudit audit = new TopicAudit();
        for (int i = 0; i < records.length; i++) {
            audit.accept(i, records[i]);
        }
        return audit.result(DUE);
    }
}
