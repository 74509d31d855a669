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
 * so their topics hold one rising run per run of the writer, each begun by a reset record and numbered in every
 * record (see {@link io.synapsebridge.contract.StreamRecord}). A token a client resumes from belongs to the writer's
 * latest run, the one its last record is in: the search compares (run, token), which does rise with the offset,
 * against (latest run, token), and so lands in the latest run with the same number of probes.
 */
public final class TokenSeeker {
    /** Offsets read back from the end at first when looking for the writer's last record; doubled until found. */
    private static final long LAST_RECORD_WINDOW = 256;

    /**
     * The smallest offset past every record of {@code instance} of its latest run whose token is at most
     * {@code token}, and past every record of its earlier runs: reading from there yields exactly its records above
     * {@code token} in its latest run. The start of the log if the instance has no record at or below the token.
     */
    public long firstOffsetAbove(StreamLog log, String instance, long token) {
        long run = latestRun(log, instance);
        long lo = log.startOffset();
        long hi = log.endOffset();
        // Invariant: the answer lies in [lo, hi].
        while (lo < hi) {
            long mid = lo + (hi - lo) / 2;
            LogBatch.Entry first = firstRecordOf(log, instance, mid, hi);
            if (first == null || first.record().isAfter(run, token)) {
                hi = mid;
            } else {
                lo = first.offset() + 1;
            }
        }
        return lo;
    }

    /**
     * The run of the instance's last record, 0 if it has none: read back from the end a window at a time, one fetch
     * when the writer wrote lately.
     */
    private static long latestRun(StreamLog log, String instance) {
        long to = log.endOffset();
        long window = LAST_RECORD_WINDOW;
        while (to > log.startOffset()) {
            long from = Math.max(log.startOffset(), to - window);
            LogBatch.Entry last = null;
            long offset = from;
            while (offset < to) {
                LogBatch batch = log.fetch(offset);
                for (LogBatch.Entry entry : batch.entries()) {
                    if (entry.offset() < to && entry.record().instance().equals(instance)) {
                        last = entry;
                    }
                }
                offset = batch.nextOffset();
            }
            if (last != null) {
                return last.record().run();
            }
            to = from;
            window *= 2;
        }
        return 0;
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
