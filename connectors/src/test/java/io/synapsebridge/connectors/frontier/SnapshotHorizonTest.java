package io.synapsebridge.connectors.frontier;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class SnapshotHorizonTest {
    /** A database whose sequence, running transactions and WAL position the test sets; it logs what was read. */
    private static final class FakeProbe implements HorizonProbe {
        long issued;
        Set<String> running = Set.of();
        long wal = 1000;
        final List<String> reads = new ArrayList<>();

        @Override
        public long lastIssued() {
            reads.add("issued");
            return issued;
        }

        @Override
        public Set<String> runningTransactions() {
            reads.add("running");
            return running;
        }

        @Override
        public long walInsertLsn() {
            reads.add("wal");
            return wal;
        }
    }

    private final FakeProbe db = new FakeProbe();
    private final SnapshotHorizon horizon = new SnapshotHorizon("caches", db);

    @Test
    void withNoTransactionRunningTheLastIssuedIdIsFinalAndFencedByTheWalReadAfterwards() throws Exception {
        db.issued = 7;
        db.wal = 5000;

        assertThat(horizon.round()).isEqualTo(new FencedToken("caches", 7, 5000));
        assertThat(db.reads).containsExactly("issued", "running", "wal");
    }

    @Test
    void anUnmovedSequenceCostsOneReadAndYieldsNothing() throws Exception {
        db.issued = 7;
        horizon.round();
        db.reads.clear();

        assertThat(horizon.round()).isNull();
        assertThat(db.reads).containsExactly("issued");
    }

    @Test
    void aHorizonWaitsForEveryTransactionRunningWhenItWasReadAndOnlyForThose() throws Exception {
        db.issued = 5;
        db.running = Set.of("3/10");
        assertThat(horizon.round()).isNull();

        // 3/10 may hold an id up to 5; 4/7 started after 5 was read, so it can only hold ids above 5.
        db.issued = 8;
        db.running = Set.of("3/10", "4/7");
        assertThat(horizon.round()).isNull();
        assertThat(horizon.pending()).isEqualTo(2);

        db.running = Set.of("4/7", "5/2");
        db.wal = 2000;
        assertThat(horizon.round()).isEqualTo(new FencedToken("caches", 5, 2000));

        db.running = Set.of("5/2");
        db.wal = 3000;
        assertThat(horizon.round()).isEqualTo(new FencedToken("caches", 8, 3000));
        assertThat(horizon.pending()).isZero();
    }

    @Test
    void aTransactionOpenForHoursCostsBoundedMemoryAndStillHoldsEveryHorizonBack() throws Exception {
        db.running = Set.of("3/10");
        for (int i = 1; i <= SnapshotHorizon.MAX_PENDING * 3; i++) {
            db.issued = i;
            assertThat(horizon.round()).isNull();
        }
        assertThat(horizon.pending()).isEqualTo(SnapshotHorizon.MAX_PENDING);

        db.running = Set.of();
        assertThat(horizon.round().token()).isEqualTo(SnapshotHorizon.MAX_PENDING * 3);
    }
}
