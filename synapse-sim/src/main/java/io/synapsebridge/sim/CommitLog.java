package io.synapsebridge.sim;

import java.util.Comparator;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicLong;

/**
 * What a writer committed, for checkers that compare stream topics with the database. Rows are appended before
 * their ids are marked finished, so every row at or below a token the writer reports is already here.
 */
public final class CommitLog {
    private final ConcurrentLinkedQueue<CommittedRow> rows = new ConcurrentLinkedQueue<>();
    private final AtomicLong commits = new AtomicLong();
    private final AtomicLong rollbacks = new AtomicLong();

    void committed(List<CommittedRow> written) {
        rows.addAll(written);
        commits.incrementAndGet();
    }

    void rolledBack() {
        rollbacks.incrementAndGet();
    }

    /** Every committed row, in the order the commits happened. */
    public List<CommittedRow> rows() {
        return List.copyOf(rows);
    }

    /** The committed rows of one replication stream in token order. */
    public List<CommittedRow> rows(String replicationStream) {
        return rows.stream()
                .filter(r -> r.replicationStream().equals(replicationStream))
                .sorted(Comparator.comparingLong(CommittedRow::token))
                .toList();
    }

    /** Committed transactions (one stream id each, plus any ids drawn inside it). */
    public long commits() {
        return commits.get();
    }

    public long rollbacks() {
        return rollbacks.get();
    }
}
