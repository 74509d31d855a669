package io.synapsebridge.adapter.http;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** The offset search over logs in memory, where every fetch is counted. */
class TokenSeekerTest {
    private final TokenSeeker seeker = new TokenSeeker();

    @Test
    void landsJustPastTheLastRecordAtOrBelowTheToken() {
        ListLog log = new ListLog(10);
        for (long t = 1; t <= 100; t++) {
            log.row("master", t * 2);
        }
        assertThat(seeker.firstOffsetAbove(log, "master", 0)).isZero();
        assertThat(seeker.firstOffsetAbove(log, "master", 1)).isZero();
        assertThat(seeker.firstOffsetAbove(log, "master", 2)).isEqualTo(1);
        assertThat(seeker.firstOffsetAbove(log, "master", 101)).isEqualTo(50);
        assertThat(seeker.firstOffsetAbove(log, "master", 200)).isEqualTo(100);
        assertThat(seeker.firstOffsetAbove(log, "master", 1_000)).isEqualTo(100);
    }

    @Test
    void keepsEveryRowOfATokenGroupTogether() {
        ListLog log = new ListLog(10).row("master", 5).row("master", 7).row("master", 7).row("master", 7)
                .row("master", 9);
        assertThat(seeker.firstOffsetAbove(log, "master", 6)).isEqualTo(1);
        assertThat(seeker.firstOffsetAbove(log, "master", 7)).isEqualTo(4);
    }

    @Test
    void judgesOnlyTheRequestedWritersTokens() {
        // Other writers are ahead and behind of master: comparing their tokens would land in the wrong place.
        ListLog log = new ListLog(3);
        for (long t = 1; t <= 300; t++) {
            log.row("persister1", t + 50).row("master", t).row("persister2", Math.max(1, t - 40));
        }
        // master's token t is at offset 3(t-1)+1, persister1's token t+50 at 3(t-1).
        assertThat(seeker.firstOffsetAbove(log, "master", 150)).isEqualTo(3 * 149 + 2);
        assertThat(seeker.firstOffsetAbove(log, "persister1", 150)).isEqualTo(3 * 99 + 1);
        assertThat(seeker.firstOffsetAbove(log, "nobody", 150)).isZero();
    }

    @Test
    void stepsOverOffsetGapsAndPositionRecords() {
        ListLog log = new ListLog(2).row("master", 1).gap(3).position("master", 4).gap(1).row("master", 6).gap(2)
                .row("master", 8);
        // offsets: 0 -> 1, 4 -> pos 4, 6 -> 6, 9 -> 8
        assertThat(seeker.firstOffsetAbove(log, "master", 1)).isEqualTo(1);
        assertThat(seeker.firstOffsetAbove(log, "master", 4)).isEqualTo(5);
        assertThat(seeker.firstOffsetAbove(log, "master", 7)).isEqualTo(7);
        assertThat(seeker.firstOffsetAbove(log, "master", 8)).isEqualTo(10);
    }

    @Test
    void needsLogarithmicallyManyFetches() {
        ListLog log = new ListLog(500);
        for (long t = 1; t <= 20_000; t++) {
            log.row("master", t);
        }
        for (long token : new long[] {0, 1, 7_777, 12_345, 19_999, 20_000, 25_000}) {
            int before = log.fetches();
            long offset = seeker.firstOffsetAbove(log, "master", token);
            assertThat(offset).isEqualTo(Math.min(token, 20_000));
            // One fetch finds the writer's last record (its run), then ceil(log2(20_001)) = 15 probes, one each.
            assertThat(log.fetches() - before).as("fetches for token %d", token).isLessThanOrEqualTo(1 + 15);
        }
    }

    @Test
    void aSparseWriterCostsOnlyTheStretchesItIsAbsentFrom() {
        ListLog log = new ListLog(500);
        for (long t = 1; t <= 20_000; t++) {
            log.row(t % 100 == 0 ? "master" : "persister1", t);
        }
        int before = log.fetches();
        assertThat(seeker.firstOffsetAbove(log, "master", 10_050)).isEqualTo(10_000);
        assertThat(log.fetches() - before).isLessThanOrEqualTo(1 + 2 * 15);
    }

    @Test
    void searchesOnlyTheWritersLatestRun() {
        // The writer restarted twice; its older runs hold the same tokens and more.
        ListLog log = new ListLog(10);
        for (long t = 1; t <= 300; t++) {
            log.row("master", t);
        }
        log.reset("master", 0);
        for (long t = 1; t <= 100; t++) {
            log.row("master", t).row("persister1", 1_000 + t);
        }
        log.reset("master", 4);
        for (long t = 5; t <= 50; t++) {
            log.row("master", t);
        }
        // offsets: 0-299 run 0, 300 reset, 301-500 run 1 (master at odd offsets, last at 499), 501 reset to 4,
        // 502-547 run 2 (5..50)
        assertThat(seeker.firstOffsetAbove(log, "master", 0)).isEqualTo(500);
        assertThat(seeker.firstOffsetAbove(log, "master", 4)).isEqualTo(502);
        assertThat(seeker.firstOffsetAbove(log, "master", 20)).isEqualTo(502 + 16);
        assertThat(seeker.firstOffsetAbove(log, "master", 200)).isEqualTo(548);
        // A writer that never restarted is searched as before, whatever the others did.
        assertThat(seeker.firstOffsetAbove(log, "persister1", 1_050)).isEqualTo(301 + 2 * 50);
    }
}
