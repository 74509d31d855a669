package io.synapsebridge.sim.id;

import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;

/**
 * One writer's view of its own allocations on one stream, computed like Synapse's id generators: the current
 * token is the largest finished id below the smallest id that is still unfinished or still being fetched. Ids
 * finish when their transaction ends, committed or rolled back, so a rollback leaves a gap the token moves past.
 * Ids here are the positive values the sequence or counter hands out.
 */
public final class StreamIdTracker {
    private final TreeSet<Long> unfinished = new TreeSet<>();
    private final TreeSet<Long> finishedAhead = new TreeSet<>();
    private final List<Fetch> fetches = new ArrayList<>();
    private long position;
    private long maxAllocated;

    /** A sequence fetch in flight: its id will be above every id recorded before it started. */
    public static final class Fetch {
        private final long floor;

        private Fetch(long floor) {
            this.floor = floor;
        }
    }

    public StreamIdTracker(long initialPosition) {
        this.position = initialPosition;
        this.maxAllocated = initialPosition;
    }

    /** Call before asking the sequence for an id, so that no token can pass the id while it is on its way. */
    public synchronized Fetch startFetch() {
        Fetch fetch = new Fetch(maxAllocated);
        fetches.add(fetch);
        return fetch;
    }

    /** Records the id a fetch returned as unfinished. */
    public synchronized void fetched(Fetch fetch, long id) {
        if (!fetches.remove(fetch)) {
            throw new IllegalStateException("fetch already completed");
        }
        if (id <= position) {
            throw new IllegalStateException("id " + id + " is not above the current token " + position
                    + ": the sequence is behind the table");
        }
        unfinished.add(id);
        maxAllocated = Math.max(maxAllocated, id);
        advance();
    }

    /** The fetch failed before an id was recorded. */
    public synchronized void fetchFailed(Fetch fetch) {
        fetches.remove(fetch);
        advance();
    }

    /** Counter allocation: the next id after the largest handed out, unfinished at once. */
    public synchronized long next() {
        long id = maxAllocated + 1;
        maxAllocated = id;
        unfinished.add(id);
        return id;
    }

    /** The id's transaction ended (commit or rollback). */
    public synchronized void finished(long id) {
        if (!unfinished.remove(id)) {
            throw new IllegalStateException("id " + id + " is not unfinished");
        }
        finishedAhead.add(id);
        advance();
    }

    /** Every id at or below this has finished. */
    public synchronized long currentToken() {
        return position;
    }

    public synchronized long maxAllocated() {
        return maxAllocated;
    }

    private void advance() {
        long bound = unfinished.isEmpty() ? Long.MAX_VALUE : unfinished.first();
        for (Fetch fetch : fetches) {
            bound = Math.min(bound, fetch.floor + 1);
        }
        while (!finishedAhead.isEmpty() && finishedAhead.first() < bound) {
            position = Math.max(position, finishedAhead.pollFirst());
        }
    }
}
