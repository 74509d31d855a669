package io.synapsebridge.cli.dev;

import static org.assertj.core.api.Assertions.assertThat;

import io.synapsebridge.sim.CommittedRow;
import io.synapsebridge.sim.id.Stream;
import java.util.List;
import org.junit.jupiter.api.Test;

class WireCheckTest {
    private static final List<CommittedRow> COMMITTED = List.of(row(5), row(6), row(6), row(8));

    private static CommittedRow row(long token) {
        return new CommittedRow(Stream.EVENTS, "events", token, "master", "events");
    }

    @Test
    void exactlyWhatWasCommittedInOrderPasses() {
        assertThat(WireCheck.problems(List.of("POSITION events master 4 4", "RDATA events master 5 [1]",
                "RDATA events master batch [2]", "RDATA events master 6 [3]", "POSITION events master 6 7",
                "RDATA events master 8 [4]"), COMMITTED, List.of())).isEmpty();
    }

    @Test
    void aMissingRowIsFound() {
        assertThat(WireCheck.problems(List.of("RDATA events master 5 [1]", "RDATA events master 8 [4]"), COMMITTED,
                List.of())).anyMatch(p -> p.startsWith("announced before committed token 6 arrived"))
                .anyMatch(p -> p.contains("1 committed tokens never arrived, first 6"));
    }

    @Test
    void aRepeatedOrBackwardsRowIsFound() {
        assertThat(WireCheck.problems(List.of("RDATA events master 5 [1]", "RDATA events master 6 [3]",
                "RDATA events master 5 [1]", "RDATA events master 8 [4]"), COMMITTED, List.of()))
                .anyMatch(p -> p.startsWith("token went back or repeated: RDATA events master 5"));
    }

    @Test
    void aPositionAheadOfACommittedRowIsFound() {
        assertThat(WireCheck.problems(List.of("RDATA events master 5 [1]", "POSITION events master 5 7",
                "RDATA events master 6 [3]", "RDATA events master 8 [4]"), COMMITTED, List.of()))
                .anyMatch(p -> p.startsWith("announced before committed token 6 arrived: POSITION events master 5 7"));
    }

    @Test
    void aRowNeverCommittedIsFoundAndEarlierRowsAreOptional() {
        List<String> lines = List.of("RDATA events master 3 [0]", "RDATA events master 5 [1]",
                "RDATA events master 6 [3]", "RDATA events master 7 [9]", "RDATA events master 8 [4]");
        assertThat(WireCheck.problems(lines, COMMITTED, List.of(row(3))))
                .containsExactly("never committed: RDATA events master 7 [9]");
    }
}
