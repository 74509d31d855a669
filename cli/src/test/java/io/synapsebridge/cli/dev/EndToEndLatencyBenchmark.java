package io.synapsebridge.cli.dev;

import io.synapsebridge.cli.config.DevSettings;
import io.synapsebridge.cli.config.KafkaSettings;
import io.synapsebridge.sim.SynapseWriter;
import io.synapsebridge.sim.id.Stream;
import io.synapsebridge.sim.rows.ReceiptBatchRows;
import io.synapsebridge.sim.rows.ReceiptRows;
import io.synapsebridge.sim.rows.RowWriter;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * Commit → RDATA at the worker, through the whole dev stack: a benchmark, not a test (the default build excludes the
 * {@code benchmark} tag; the command is in BENCHMARKS.md). The Synapse-like writer commits receipts at a fixed rate;
 * {@code bench.workers} workers record when each row's RDATA arrives. Rows committed during the warm-up are left out.
 */
@Tag("benchmark")
class EndToEndLatencyBenchmark {
    /** Rows per second, in transactions of {@link #ROWS_PER_COMMIT} rows. */
    private static final int RATE = Integer.getInteger("bench.rate", 1000);
    /** Above 1, each transaction draws that many ids in one statement, as Synapse persists batches. */
    private static final int ROWS_PER_COMMIT = Integer.getInteger("bench.rows.per.commit", 1);
    private static final int WORKERS = Integer.getInteger("bench.workers", 10);
    private static final Duration RUN = Duration.ofSeconds(Long.getLong("bench.seconds", 20));
    private static final Duration WARM_UP = Duration.ofSeconds(Long.getLong("bench.warmup.seconds", 10));
    private static final String PREFIX = "RDATA receipts master ";

    @Test
    void commitToWorkerLatency() throws Exception {
        DevSettings dev = new DevSettings(0, 0, 0, 0, null, "bench.local", 0.0);
        try (DevStack stack = DevStack.start(dev, KafkaSettings.defaults(), line -> { })) {
            SynapseWriter writer = stack.writer();
            List<RecordingWorker> workers = new ArrayList<>();
            for (int i = 0; i < WORKERS; i++) {
                workers.add(new RecordingWorker(stack.server().address(), "w" + i));
            }
            writer.write(Stream.RECEIPTS);
            Awaitility.await().atMost(Duration.ofSeconds(60)).until(() -> workers.stream()
                    .allMatch(w -> w.lines().stream().anyMatch(l -> l.contains(" receipts "))));

            Map<Long, Long> committedAt = new ConcurrentHashMap<>();
            long measureFrom = System.nanoTime() + WARM_UP.toNanos();
            long written = write(writer, committedAt, measureFrom);
            Awaitility.await().atMost(Duration.ofSeconds(120)).until(() -> workers.stream()
                    .allMatch(w -> received(w).keySet().containsAll(committedAt.keySet())));

            List<Long> micros = new ArrayList<>();
            for (RecordingWorker w : workers) {
                received(w).forEach((token, at) -> {
                    Long committed = committedAt.get(token);
                    if (committed != null) {
                        micros.add(Math.max(0, at - committed) / 1000);
                    }
                });
                w.close();
            }
            long[] sorted = micros.stream().mapToLong(Long::longValue).sorted().toArray();
            System.out.printf("end to end at %d rows/s (%d per commit), %d workers: %d rows written, %d measured "
                            + "after a %d s warm-up; commit->RDATA p50 %.1f ms, p99 %.1f ms, max %.1f ms%n",
                    RATE, ROWS_PER_COMMIT, WORKERS, written, committedAt.size(), WARM_UP.toSeconds(),
                    at(sorted, 0.50) / 1000.0, at(sorted, 0.99) / 1000.0, sorted[sorted.length - 1] / 1000.0);
        }
    }

    /** Commits receipts at RATE rows/s for WARM_UP + RUN on 8 threads; times those committed after measureFrom. */
    private static long write(SynapseWriter writer, Map<Long, Long> committedAt, long measureFrom)
            throws InterruptedException {
        long start = System.nanoTime();
        long end = measureFrom + RUN.toNanos();
        double nanosPerWrite = 1e9 * ROWS_PER_COMMIT / RATE;
        RowWriter rows = ROWS_PER_COMMIT == 1 ? new ReceiptRows() : new ReceiptBatchRows();
        AtomicLong slots = new AtomicLong();
        AtomicLong written = new AtomicLong();
        List<Thread> threads = new ArrayList<>();
        for (int i = 0; i < 8; i++) {
            Thread t = new Thread(() -> {
                while (true) {
                    long due = start + (long) (slots.getAndIncrement() * nanosPerWrite);
                    if (due >= end) {
                        return;
                    }
                    for (long wait = due - System.nanoTime(); wait > 0; wait = due - System.nanoTime()) {
                        LockSupport.parkNanos(wait); // pacing the load, not synchronisation
                    }
                    try (var w = writer.begin(Stream.RECEIPTS, ROWS_PER_COMMIT, rows)) {
                        w.commit();
                        written.addAndGet(ROWS_PER_COMMIT);
                        if (w.committedAtNanos() >= measureFrom) {
                            w.tokens().forEach(token -> committedAt.put(token, w.committedAtNanos()));
                        }
                    } catch (RuntimeException e) {
                        // a lost race on one receipt key: Synapse would retry; the benchmark moves on
                    }
                }
            });
            t.start();
            threads.add(t);
        }
        for (Thread t : threads) {
            t.join();
        }
        return written.get();
    }

    /** When each receipts token's RDATA first arrived at {@code w}. */
    private static Map<Long, Long> received(RecordingWorker w) {
        List<String> lines = w.lines();
        List<Long> arrivals = w.arrivals();
        Map<Long, Long> out = new java.util.HashMap<>();
        for (int i = 0; i < Math.min(lines.size(), arrivals.size()); i++) {
            String line = lines.get(i);
            if (line.startsWith(PREFIX) && !line.startsWith(PREFIX + "batch")) {
                String token = line.substring(PREFIX.length(), line.indexOf(' ', PREFIX.length()));
                out.putIfAbsent(Long.parseLong(token), arrivals.get(i));
            }
        }
        return out;
    }

    private static long at(long[] sorted, double q) {
        return sorted[(int) Math.min(sorted.length - 1, Math.floor(q * sorted.length))];
    }
}
