package io.synapsebridge.adapter.http;

import static org.assertj.core.api.Assertions.assertThat;

import io.synapsebridge.protocol.catchup.StreamUpdates;
import io.synapsebridge.protocol.rows.SynapseVersion;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Windows, the row limit and token groups, over logs in memory. */
class UpdateReaderTest {

    private static UpdateReader reader(int rowLimit) {
        return new UpdateReader(SynapseVersion.V1_66.catalog(), new TokenSeeker(), rowLimit);
    }

    private static List<Long> tokens(StreamUpdates updates) {
        return updates.updates().stream().map(StreamUpdates.Update::token).toList();
    }

    @Test
    void returnsTheWritersRowsInTheHalfOpenWindowWithTheAskedUptoToken() {
        ListLog log = new ListLog(4).row("master", 1).row("master", 2).row("other", 2).row("master", 2)
                .row("master", 3).row("other", 9).row("master", 4);
        StreamUpdates updates = reader(100).read(log, "master", 1, 3);
        assertThat(tokens(updates)).containsExactly(2L, 2L, 3L);
        assertThat(updates.uptoToken()).isEqualTo(3);
        assertThat(updates.limited()).isFalse();
        assertThat(updates.updates().get(0).row().toString()).isEqualTo("[\"!r2:test.local\",[\"@master:test.local\"]]");
    }

    @Test
    void anAnswerOfExactlyTheLimitIsNotLimitedWhenNothingFollows() {
        ListLog log = new ListLog(4).row("master", 1).row("master", 2).row("master", 3);
        StreamUpdates updates = reader(3).read(log, "master", 0, 50);
        assertThat(tokens(updates)).containsExactly(1L, 2L, 3L);
        assertThat(updates.uptoToken()).isEqualTo(50);
        assertThat(updates.limited()).isFalse();
    }

    @Test
    void stopsBeforeAGroupThatWouldPassTheLimit() {
        ListLog log = new ListLog(2).row("master", 1).row("master", 2).row("master", 2).row("master", 3)
                .row("master", 3).row("master", 3).row("master", 4);
        StreamUpdates updates = reader(4).read(log, "master", 0, 10);
        assertThat(tokens(updates)).containsExactly(1L, 2L, 2L);
        assertThat(updates.uptoToken()).isEqualTo(2);
        assertThat(updates.limited()).isTrue();

        StreamUpdates next = reader(4).read(log, "master", 2, 10);
        assertThat(tokens(next)).containsExactly(3L, 3L, 3L, 4L);
        assertThat(next.limited()).isFalse();
    }

    @Test
    void returnsAFirstGroupLargerThanTheLimitWholeSoThatTheCallerProgresses() {
        ListLog log = new ListLog(2).row("master", 5).row("master", 5).row("master", 5).row("master", 6);
        StreamUpdates updates = reader(2).read(log, "master", 0, 10);
        assertThat(tokens(updates)).containsExactly(5L, 5L, 5L);
        assertThat(updates.uptoToken()).isEqualTo(5);
        assertThat(updates.limited()).isTrue();
    }

    @Test
    void positionRecordsCarryNoRowsAndEndTheWindowWhenAboveIt() {
        ListLog log = new ListLog(10).row("master", 1).position("master", 3).row("master", 4).position("master", 9)
                .row("master", 12);
        StreamUpdates updates = reader(1).read(log, "master", 0, 10);
        assertThat(tokens(updates)).containsExactly(1L);
        assertThat(updates.limited()).isTrue();
        assertThat(tokens(reader(100).read(log, "master", 1, 10))).containsExactly(4L);
    }

    @Test
    void emptyAndBackwardWindowsNeedNoReads() {
        ListLog log = new ListLog(10).row("master", 1);
        assertThat(reader(100).read(log, "master", 5, 5)).isEqualTo(StreamUpdates.none(5));
        // A worker at 57 meeting a writer that restarted at 0 asks (57, 5]: no rows, and it moves to 5.
        assertThat(reader(100).read(log, "master", 57, 5)).isEqualTo(StreamUpdates.none(5));
        assertThat(log.fetches()).isZero();
    }

    @Test
    void aWriterThatRestartedItsCounterIsReadFromItsLatestRun() {
        ListLog log = new ListLog(3);
        for (long t = 1; t <= 10; t++) {
            log.row("master", t);
        }
        log.reset("master", 0);
        for (long t = 1; t <= 4; t++) {
            log.row("master", t);
        }
        StreamUpdates updates = reader(100).read(log, "master", 2, 12);
        assertThat(tokens(updates)).containsExactly(3L, 4L);
        assertThat(updates.updates().get(0).row().get(0).asText()).isEqualTo("!r3:test.local");
        // A window that ends inside the older run's tokens still reads the latest run only.
        assertThat(tokens(reader(100).read(log, "master", 0, 3))).containsExactly(1L, 2L, 3L);
        assertThat(reader(100).read(log, "master", 0, 3).updates()).hasSize(3);
    }
}
