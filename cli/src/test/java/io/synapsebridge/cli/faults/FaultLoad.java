package io.synapsebridge.cli.faults;

import io.synapsebridge.sim.CommittedRow;
import io.synapsebridge.sim.PendingWrite;
import io.synapsebridge.sim.SynapseWriter;
import io.synapsebridge.sim.SynapseWriterException;
import io.synapsebridge.sim.load.StreamMix;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;

/**
 * The Synapse-like writer under faults: threads commit at a steady rate, some pairs out of id order, some rolled
 * back. A write that fails because Postgres is gone is tried again once Postgres answers, as Synapse retries its
 * transactions. A commit that fails may still have landed (the connection died after the server committed): its
 * rows are kept as ambiguous, for the checker to settle from what the database holds at the end.
 */
final class FaultLoad implements AutoCloseable {
    private static final long RETRY_PAUSE_NANOS = 200_000_000L;

    private final SynapseWriter writer;
    private final StreamMix mix;
    private final long nanosPerWrite;
    private final double outOfOrder;
    private final double rollback;
    private final List<Thread> threads = new ArrayList<>();
    private final ConcurrentLinkedQueue<CommittedRow> ambiguous = new ConcurrentLinkedQueue<>();
    private final AtomicLong failures = new AtomicLong();
    private volatile boolean stopped;

    FaultLoad(SynapseWriter writer, StreamMix mix, double writesPerSecond, int threadCount, double outOfOrder,
              double rollback) {
        this.writer = writer;
        this.mix = mix;
        this.nanosPerWrite = (long) (1e9 * threadCount / writesPerSecond);
        this.outOfOrder = outOfOrder;
        this.rollback = rollback;
        for (int i = 0; i < threadCount; i++) {
            Thread t = new Thread(this::work, "fault-load-" + i);
            t.setDaemon(true);
            threads.add(t);
        }
    }

    void start() {
        threads.forEach(Thread::start);
    }

    private void work() {
        var random = ThreadLocalRandom.current();
        long next = System.nanoTime();
        while (!stopped) {
            // Pacing to the rate, not synchronisation.
            LockSupport.parkNanos(next - System.nanoTime());
            next = Math.max(next + nanosPerWrite, System.nanoTime() - 10 * nanosPerWrite);
            if (random.nextDouble() < outOfOrder) {
                PendingWrite earlier = begin();
                PendingWrite later = begin();
                end(later);
                end(earlier);
            } else {
                end(begin());
            }
        }
    }

    /** A new write, tried again until Postgres takes it (null only once stopped). */
    private PendingWrite begin() {
        while (!stopped) {
            try {
                return writer.begin(mix.pick(ThreadLocalRandom.current()));
            } catch (SynapseWriterException e) {
                failures.incrementAndGet();
                LockSupport.parkNanos(RETRY_PAUSE_NANOS);
            }
        }
        return null;
    }

    private void end(PendingWrite write) {
        if (write == null) {
            return;
        }
        if (ThreadLocalRandom.current().nextDouble() < rollback) {
            write.rollback();
            return;
        }
        List<CommittedRow> rows = write.rows();
        try {
            write.commit();
        } catch (SynapseWriterException e) {
            failures.incrementAndGet();
            ambiguous.addAll(rows);
        }
    }

    /** Rows of commits that failed: each may or may not be in the database. */
    List<CommittedRow> ambiguous() {
        return List.copyOf(ambiguous);
    }

    long failures() {
        return failures.get();
    }

    @Override
    public void close() throws InterruptedException {
        stopped = true;
        for (Thread t : threads) {
            t.join();
        }
    }
}
