package io.synapsebridge.cli.faults;

import static org.assertj.core.api.Assertions.assertThat;

import io.synapsebridge.sim.CommittedRow;
import io.synapsebridge.sim.id.Stream;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

class ResumeCheckTest {
    private static final String EVENTS = "events master";
    private static final ResumeCheck.Expectations DUE = new ResumeCheck.Expectations(
            Map.of(EVENTS, new TreeSet<>(List.of(1L, 2L, 3L))), Map.of(EVENTS, Set.of(4L)));

    @Test
    void everyTokenOnceInOrderOverReconnectsIsClean() {
        WorkerLog log = new WorkerLog();
        log.positioned(EVENTS, 0);
        log.applied(EVENTS, 1);
        log.note("connection 1 closed");
        log.applied(EVENTS, 2);
        log.applied(EVENTS, 3);
        log.positioned(EVENTS, 3);

        ResumeCheck.Result result = ResumeCheck.check(log, DUE);

        assertThat(result.problems()).isEmpty();
        assertThat(result.applied()).isEqualTo(3);
    }

    @Test
    void aMissingTokenIsLostAndAPositionPastItIsEarly() {
        WorkerLog log = new WorkerLog();
        log.applied(EVENTS, 1);
        log.positioned(EVENTS, 3);
        log.applied(EVENTS, 3);

        ResumeCheck.Result result = ResumeCheck.check(log, DUE);

        assertThat(result.lost()).isEqualTo(1);
        assertThat(result.problems()).anyMatch(p -> p.contains("announced before committed token 2"))
                .anyMatch(p -> p.contains("1 committed tokens never arrived, first 2"));
    }

    @Test
    void repeatsAndStepsBackAreDuplicates() {
        WorkerLog log = new WorkerLog();
        log.applied(EVENTS, 1);
        log.applied(EVENTS, 2);
        log.repeated(EVENTS, 2, "RDATA at or below what this connection already had");
        log.applied(EVENTS, 3);
        log.applied(EVENTS, 2);

        ResumeCheck.Result result = ResumeCheck.check(log, DUE);

        assertThat(result.duplicated()).isEqualTo(2);
        assertThat(result.problems()).anyMatch(p -> p.startsWith("applied twice: events master 2"))
                .anyMatch(p -> p.startsWith("went back: events master 2 after 3"));
    }

    @Test
    void anAmbiguousCommitMayArriveButAnUncommittedTokenMayNot() {
        WorkerLog log = new WorkerLog();
        log.applied(EVENTS, 1);
        log.applied(EVENTS, 2);
        log.applied(EVENTS, 3);
        log.applied(EVENTS, 4);
        log.applied(EVENTS, 5);

        ResumeCheck.Result result = ResumeCheck.check(log, DUE);

        assertThat(result.problems()).containsExactly("never committed: events master 5");
    }

    @Test
    void aLandedAmbiguousCommitIsDueAndOneThatDidNotLandIsNot() {
        List<CommittedRow> committed = List.of(row(1));
        List<CommittedRow> ambiguous = List.of(row(2), row(3));

        ResumeCheck.Expectations expected = FaultRun.expectations(committed, ambiguous, Map.of(),
                Map.of(EVENTS, Set.of(1L, 2L)));

        assertThat(expected.required().get(EVENTS)).containsExactly(1L, 2L);
        assertThat(expected.allowed().get(EVENTS)).contains(3L);
    }

    private static CommittedRow row(long token) {
        return new CommittedRow(Stream.EVENTS, "events", token, "master", "events");
    }
}
