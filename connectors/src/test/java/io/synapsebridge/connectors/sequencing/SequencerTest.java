package io.synapsebridge.connectors.sequencing;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import io.synapsebridge.contract.StreamRecord;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class SequencerTest {
    private final Sequencer sequencer = new Sequencer();
    private long lsn = 100;

    private CapturedRow row(String instance, long token, String marker) {
        return new CapturedRow("events", instance, token,
                JsonNodeFactory.instance.objectNode().put("event_id", marker), new SourcePosition(lsn++, 7));
    }

    private static List<String> describe(List<Publication> out) {
        return out.stream().map(p -> {
            StreamRecord r = p.record();
            return r.isRow() ? r.instance() + ":" + r.token() + ":" + r.row().get("event_id").asText()
                    : r.instance() + ":pos:" + r.token();
        }).toList();
    }

    @Test
    void rowsCommittedOutOfOrderGoOutInTokenOrderOnlyUpToTheFrontier() {
        assertThat(sequencer.offer(row("master", 4, "$d"))).isEqualTo(Offer.HELD);
        assertThat(sequencer.offer(row("master", 2, "$b"))).isEqualTo(Offer.HELD);

        // Frontier 2: token 3 may still commit, so 4 stays held.
        assertThat(describe(sequencer.advance("events", "master", 2))).containsExactly("master:2:$b");
        assertThat(sequencer.heldCount()).isEqualTo(1);

        // 3 rolled back: the writer moves past it and 4 goes out.
        assertThat(describe(sequencer.advance("events", "master", 4))).containsExactly("master:4:$d");
        assertThat(sequencer.heldCount()).isZero();
    }

    @Test
    void rowsSharingATokenStayTogetherInCaptureOrder() {
        sequencer.offer(row("master", 5, "$ev"));
        sequencer.offer(row("master", 5, "$state1"));
        sequencer.offer(row("master", 5, "$state2"));

        assertThat(describe(sequencer.advance("events", "master", 5)))
                .containsExactly("master:5:$ev", "master:5:$state1", "master:5:$state2");
    }

    @Test
    void aFrontierAboveTheLastRowIsPublishedAsAPosition() {
        sequencer.offer(row("master", 3, "$c"));

        assertThat(describe(sequencer.advance("events", "master", 9))).containsExactly("master:3:$c", "master:pos:9");
        assertThat(describe(sequencer.advance("events", "master", 12))).containsExactly("master:pos:12");
        assertThat(sequencer.published("events", "master")).isEqualTo(12);
    }

    @Test
    void aFrontierThatDoesNotMoveForwardPublishesNothing() {
        sequencer.advance("events", "master", 10);
        assertThat(sequencer.advance("events", "master", 10)).isEmpty();
        assertThat(sequencer.advance("events", "master", 8)).isEmpty();
    }

    @Test
    void writersAreSequencedIndependently() {
        sequencer.offer(row("persister1", 7, "$p1"));
        sequencer.offer(row("persister2", 6, "$p2"));

        assertThat(describe(sequencer.advance("events", "persister2", 6))).containsExactly("persister2:6:$p2");
        assertThat(sequencer.heldCount()).isEqualTo(1);
    }

    @Test
    void aRowBelowThePublishedFrontierIsLateUnlessItWasReplayed() {
        sequencer.restore(Map.of("events", Map.of("master", 10L)), new SourcePosition(105, 7));

        assertThat(sequencer.offer(row("master", 9, "$replayed"))).isEqualTo(Offer.DUPLICATE); // lsn 100
        lsn = 200;
        assertThat(sequencer.offer(row("master", 8, "$late"))).isEqualTo(Offer.LATE);
        assertThat(sequencer.offer(row("master", 11, "$new"))).isEqualTo(Offer.HELD);
        assertThat(sequencer.heldCount()).isEqualTo(1);
    }

    @Test
    void oldestHeldIsTheEarliestSourcePositionStillWaiting() {
        assertThat(sequencer.oldestHeld()).isNull();
        sequencer.offer(row("master", 4, "$a")); // lsn 100
        sequencer.offer(row("other", 2, "$b")); // lsn 101
        assertThat(sequencer.oldestHeld().lsn()).isEqualTo(100);

        sequencer.advance("events", "master", 4);
        assertThat(sequencer.oldestHeld().lsn()).isEqualTo(101);
        sequencer.advance("events", "other", 2);
        assertThat(sequencer.oldestHeld()).isNull();
    }

    @Test
    void tellsWhetherARowOfAWriterIsHeldAtOrBelowAToken() {
        sequencer.offer(row("master", 7, "$g"));

        assertThat(sequencer.holdsAtOrBelow("events", "master", 6)).isFalse();
        assertThat(sequencer.holdsAtOrBelow("events", "master", 7)).isTrue();
        assertThat(sequencer.holdsAtOrBelow("events", "worker1", 9)).isFalse();
        assertThat(sequencer.writers("events")).containsExactly("master");
    }
}
