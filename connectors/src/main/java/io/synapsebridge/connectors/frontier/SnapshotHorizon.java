package io.synapsebridge.connectors.frontier;

import java.sql.SQLException;
import java.util.ArrayDeque;
import java.util.Collections;
import java.util.Deque;
import java.util.HashSet;
import java.util.Set;

/**
 * The frontier of a stream whose ids are drawn inside the writing transaction ({@code caches}): no writer records
 * its position, but an id can only belong to a transaction that was running when it was drawn.
 *
 * <p>Each round reads the sequence's last issued value L and then the set of running transactions. Every id up to L
 * was drawn by a transaction that had ended by then or is in that set (a transaction starting later draws ids above
 * L). Once none of the set is running any more, every id up to L is final; the WAL insert position read after that
 * lies past every such commit, and once capture has passed it, L is a frontier. A horizon waits for its own set
 * only: a long transaction delays the frontier, never a later round's reading of L.
 *
 * <p>Not thread-safe: one follower thread drives it.
 */
public final class SnapshotHorizon {
    private record Pending(long token, Set<String> running) {
    }

    /** Bounds the memory a transaction left open for hours can cost. */
    static final int MAX_PENDING = 256;

    private final String stream;
    private final HorizonProbe probe;
    private final Deque<Pending> pending = new ArrayDeque<>();
    /** The highest last-issued value already taken as a horizon (pending or final). */
    private long taken;

    public SnapshotHorizon(String stream, HorizonProbe probe) {
        this.stream = stream;
        this.probe = probe;
    }

    /** One round: the new frontier with its WAL fence, or null when no horizon became final. */
    public FencedToken round() throws SQLException {
        long issued = probe.lastIssued();
        if (issued <= taken && pending.isEmpty()) {
            return null; // the sequence has not moved: nothing to wait for, one cheap read per round
        }
        // Read after the last issued value: a transaction that drew an id up to it and has not ended is in here.
        Set<String> running = probe.runningTransactions();
        long finalToken = 0;
        // Any horizon whose transactions have all ended is final, and covers every earlier one.
        for (Pending p : pending) {
            if (Collections.disjoint(p.running(), running)) {
                finalToken = Math.max(finalToken, p.token());
            }
        }
        if (finalToken > 0) {
            long bound = finalToken;
            pending.removeIf(p -> p.token() <= bound);
        }
        if (issued > taken) {
            taken = issued;
            if (running.isEmpty()) {
                finalToken = Math.max(finalToken, issued);
                pending.clear();
            } else if (pending.size() >= MAX_PENDING) {
                // Under a very long transaction: merge into the newest horizon, which then waits for both sets.
                Pending last = pending.pollLast();
                Set<String> both = new HashSet<>(last.running());
                both.addAll(running);
                pending.addLast(new Pending(issued, Set.copyOf(both)));
            } else {
                pending.addLast(new Pending(issued, Set.copyOf(running)));
            }
        }
        return finalToken == 0 ? null : new FencedToken(stream, finalToken, probe.walInsertLsn());
    }

    /** Horizons read but still waiting for transactions that were running then. */
    public int pending() {
        return pending.size();
    }
}
