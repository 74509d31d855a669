package io.synapsebridge.adapter.http;

/**
 * Finds where in a stream topic one writer's rows above a token begin, by binary search over offsets: a few fetches
 * whatever the topic's length, and no index or local state.
 *
 * <p>Several writers share a topic and their records interleave. Tokens rise per writer but only nearly across
 * writers (each writer's frontier releases its own rows), so the search never compares another writer's token with
 * the one sought. It asks, at an offset {@code o}: does the writer's first record at or after {@code o} have a token
 * above the one sought (or has the writer no record there)? Because the writer's own tokens rise with the offset,
 * that answer turns from no to yes exactly once, at the offset just past the writer's last record at or below the
 * token, which is the answer. Each probe reads forward from its offset to the writer's next record; with writers
 * that advance together that record is a few offsets on, inside the same fetch. A probe that meets a record of the
 * writer at or below the token moves the lower bound past that record, so the records a probe stepped over are not
 * looked at again, and a probe never reads beyond the current upper bound. The cost grows with the stretches the
 * writer is absent from: a writer with no record at all makes the search read the whole log about twice.
 *
 * <p>The in-memory streams (typing, federation, presence_federation) restart their tokens when the writer restarts,
 * so their topics hold one rising run per run of the writer. There the search still stops where the writer's
 * previous record is at or below the token and its next one above, but possibly in an earlier run;
 * {@link UpdateReader} notices the drop in tokens as it reads on and starts over at the newer run.
 */
public final class TokenSeeker {

    /**
     * The smallest offset past every record of {@code instance} whose token is at most {@code token}, assuming the
     * instance's tokens rise with the offset: reading from there yields exactly its records above {@code token}.
     * The start of the log if the instance has no record at or below the token.
     */
    public long firstOffsetAbove(StreamLog log, String instance, long token) {
        long lo = log.startOffset();
        long hi = log.endOffset();
        // Invariant: the answer lies in [lo, hi].
        while (lo < hi) {
            long mid = lo + (hi - lo) / 2;
            LogBatch.Entry first = firstRecordOf(log, instance, mid, hi);
            if (first == null || first.record().token() > token) {
                hi = mid;
            } else {
                lo = first.offset() + 1;
            }
        }
        return lo;
    }

    /** The first record of {@code instance} in [from, until), or null. */
    private static LogBatch.Entry firstRecordOf(StreamLog log, String instance, long from, long until) {
        long offset = from;
        while (offset < until) {
            LogBatch batch = log.fetch(offset);
            for (LogBatch.Entry entry : batch.entries()) {
                if (entry.offset() >= until) {
                    return null;
                }
                if (entry.record().instance().equals(instance)) {
                    return entry;
                }
            }
            offset = batch.nextOffset();
        }
        return null;
    }
}
