package io.synapsebridge.connectors.capture;

import com.zaxxer.hikari.HikariDataSource;
import io.synapsebridge.connectors.mapping.Mappers;
import io.synapsebridge.contract.StreamRecord;
import io.synapsebridge.contract.StreamRecordCodec;
import io.synapsebridge.contract.StreamTopics;
import io.synapsebridge.devstack.EmbeddedKafkaBroker;
import io.synapsebridge.devstack.EmbeddedPostgresServer;
import io.synapsebridge.sim.PendingWrite;
import io.synapsebridge.sim.SynapseWriter;
import io.synapsebridge.sim.id.Stream;
import io.synapsebridge.sim.rows.Population;
import io.synapsebridge.sim.rows.ReceiptBatchRows;
import io.synapsebridge.sim.rows.ReceiptRows;
import io.synapsebridge.sim.rows.RowWriter;
import io.synapsebridge.sim.schema.SchemaVersion;
import io.synapsebridge.sim.schema.SynapseSchema;
import java.sql.Connection;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * Commit → record in the stream topic, at fixed row rates: a benchmark, not a test (it asserts nothing about time,
 * and the default build excludes the {@code benchmark} tag). Run it with the command in BENCHMARKS.md.
 *
 * <p>Rows are receipts written by the Synapse-like writer: ids from the sequence, rows, commit, then
 * {@code stream_positions} in a transaction of its own, from several threads so that commits land out of id order.
 * With {@code bench.rows.per.commit} above 1 each transaction draws that many ids in one statement and writes them
 * in one multi-row upsert (how Synapse persists batches), which is how rates above ~2,000 rows/s are reached.
 *
 * <p>Latency runs from the row's commit returning (before the writer's {@code stream_positions} update) to a
 * read_committed consumer seeing the row, so it includes waiting for the writer's frontier. Rows committed during
 * the warm-up ({@code bench.warmup.seconds}) are not counted: they measure start-up (class loading, JIT, the first
 * Kafka transactions), not capture.
 */
@Tag("benchmark")
class CaptureLatencyBenchmark {
    private static final Duration RUN = Duration.ofSeconds(Long.getLong("bench.seconds", 20));
    private static final Duration WARMUP = Duration.ofSeconds(Long.getLong("bench.warmup.seconds", 5));
    private static final int ROWS_PER_COMMIT = Integer.getInteger("bench.rows.per.commit", 1);
    private static final int THREADS = Integer.getInteger("bench.threads", 8);

    @Test
    void commitToTopicLatency() throws Exception {
        for (String rate : System.getProperty("bench.rates", "1000,5000").split(",")) {
            measure(Integer.parseInt(rate.trim()));
        }
    }

    /**
     * CPU per row at full speed, which a loaded machine does not distort the way it distorts latency: capture
     * starts on a backlog of {@code bench.drain.rows} rows committed while it was stopped, and the CPU its threads,
     * the broker and Postgres use is counted from the first fifth of the backlog published (start-up and JIT
     * behind) to the last row.
     */
    @Test
    @org.junit.jupiter.api.condition.EnabledIfSystemProperty(named = "bench.drain.rows", matches = "[0-9]+")
    void captureCpuPerRow() throws Exception {
        int backlog = Integer.getInteger("bench.drain.rows") / ROWS_PER_COMMIT * ROWS_PER_COMMIT;
        try (EmbeddedPostgresServer postgres = EmbeddedPostgresServer.start(0);
             EmbeddedKafkaBroker kafka = EmbeddedKafkaBroker.start(0)) {
            postgres.createDatabase("synapse");
            try (Connection c = postgres.dataSource("synapse").getConnection()) {
                SynapseSchema.apply(c, SchemaVersion.V1_66);
            }
            StreamTopics topics = new StreamTopics("lat");
            CaptureSettings settings = settings(postgres, kafka, topics);
            try (HikariDataSource pool = postgres.pooledDataSource("synapse", THREADS + 2)) {
                SynapseWriter writer = SynapseWriter.start(pool, SynapseWriter.MAIN_PROCESS,
                        new Population("test.local", 20_000, 2_000));
                try (Capture first = Capture.start(settings, Mappers.v1_66(), Mappers.STREAMS_V1_66)) {
                    writer.write(Stream.RECEIPTS); // the slot exists and capture streams before the backlog
                    awaitPublished(first, 1, Duration.ofSeconds(180));
                }
                long writeStart = System.nanoTime();
                writeBacklog(writer, backlog);
                double writeSeconds = (System.nanoTime() - writeStart) / 1e9;
                try (Capture capture = Capture.start(settings, Mappers.v1_66(), Mappers.STREAMS_V1_66)) {
                    awaitPublished(capture, backlog / 5, Duration.ofSeconds(600));
                    CpuUse from = new CpuUse(postgres.dataDirectory(), capture);
                    long fromNanos = System.nanoTime();
                    awaitPublished(capture, backlog, Duration.ofSeconds(600));
                    CpuUse to = new CpuUse(postgres.dataDirectory(), capture);
                    double seconds = (System.nanoTime() - fromNanos) / 1e9;
                    System.out.printf("capture of a backlog of %d rows (%d rows per commit, written in %.1f s): the"
                                    + " last %d published in %.1f s (%.0f rows/s); %s; CPU per row: %s%n", backlog,
                            ROWS_PER_COMMIT, writeSeconds, to.publishedRows() - from.publishedRows(), seconds,
                            (to.publishedRows() - from.publishedRows()) / seconds, to.since(from),
                            to.perRowSince(from, true));
                }
            }
        }
    }

    /** Capture's defaults, with the poll interval {@code bench.poll.ms} if given. */
    private static CaptureSettings settings(EmbeddedPostgresServer postgres, EmbeddedKafkaBroker kafka,
            StreamTopics topics) {
        CaptureSettings d = CaptureSettings.defaults(new DatabaseSettings("localhost", postgres.port(), "synapse",
                EmbeddedPostgresServer.USER, null), kafka.bootstrapServers(), topics);
        Duration poll = Duration.ofMillis(Long.getLong("bench.poll.ms", d.pollInterval().toMillis()));
        System.out.printf("capture polls every %d ms%n", poll.toMillis());
        return new CaptureSettings(d.database(), d.slotName(), d.publicationName(), d.bootstrapServers(), d.topics(),
                d.replicationFactor(), poll, d.heartbeatInterval());
    }

    /** Commits {@code rows} receipts as fast as {@link #THREADS} threads can. */
    private static void writeBacklog(SynapseWriter writer, int rows) throws InterruptedException {
        RowWriter rowWriter = ROWS_PER_COMMIT == 1 ? new ReceiptRows() : new ReceiptBatchRows();
        AtomicLong written = new AtomicLong();
        List<Thread> threads = new ArrayList<>();
        for (int i = 0; i < THREADS; i++) {
            Thread t = new Thread(() -> {
                while (written.addAndGet(ROWS_PER_COMMIT) <= rows) {
                    for (int attempt = 1; ; attempt++) {
                        try (PendingWrite w = writer.begin(Stream.RECEIPTS, ROWS_PER_COMMIT, rowWriter)) {
                            w.commit();
                            break;
                        } catch (RuntimeException e) {
                            if (attempt == 10) {
                                throw e;
                            }
                            // a lock timeout on one receipt key: write again, the backlog must be complete
                        }
                    }
                }
            }, "bench-writer-" + i);
            t.start();
            threads.add(t);
        }
        for (Thread t : threads) {
            t.join();
        }
    }

    private static void awaitPublished(Capture capture, long rows, Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (capture.metrics().publishedRows("receipts") < rows) {
            if (System.nanoTime() > deadline || capture.stopped().isDone()) {
                throw new IllegalStateException(capture.metrics().publishedRows("receipts") + " of " + rows
                        + " rows published within " + timeout.toSeconds() + " s");
            }
            LockSupport.parkNanos(Duration.ofMillis(10).toNanos()); // polling a condition with a deadline
        }
    }

    private void measure(int rowsPerSecond) throws Exception {
        try (EmbeddedPostgresServer postgres = EmbeddedPostgresServer.start(0);
             EmbeddedKafkaBroker kafka = EmbeddedKafkaBroker.start(0)) {
            postgres.createDatabase("synapse");
            try (Connection c = postgres.dataSource("synapse").getConnection()) {
                SynapseSchema.apply(c, SchemaVersion.V1_66);
            }
            StreamTopics topics = new StreamTopics("lat");
            CaptureSettings settings = settings(postgres, kafka, topics);
            try (HikariDataSource pool = postgres.pooledDataSource("synapse", THREADS + 2);
                 Capture capture = Capture.start(settings, Mappers.v1_66(), Mappers.STREAMS_V1_66)) {
                // Many users and rooms, so that concurrent receipts rarely update the same key.
                SynapseWriter writer = SynapseWriter.start(pool, SynapseWriter.MAIN_PROCESS,
                        new Population("test.local", 20_000, 2_000));
                Run run = new Run();
                CountDownLatch readerReady = new CountDownLatch(1);
                Thread reader = new Thread(() -> read(kafka, topics, run, readerReady), "bench-reader");
                reader.start();
                if (!readerReady.await(60, TimeUnit.SECONDS)) {
                    throw new IllegalStateException("the reader did not get its partition within 60 s");
                }
                // Capture.start returns before the engine streams: on a busy machine that takes seconds. One row
                // through to the reader first, so the warm-up measures a running capture, not its start.
                writer.write(Stream.RECEIPTS);
                run.committedRows.set(1);
                long primeDeadline = System.nanoTime() + Duration.ofSeconds(180).toNanos();
                while (run.seenRows.get() < 1) {
                    if (System.nanoTime() > primeDeadline || capture.stopped().isDone()) {
                        throw new IllegalStateException("the first row did not reach the topic within 180 s");
                    }
                    LockSupport.parkNanos(Duration.ofMillis(10).toNanos()); // polling a condition with a deadline
                }
                Thread sampler = new Thread(() -> sampleLag(run, capture, postgres.dataSource("synapse"),
                        postgres.dataDirectory()),
                        "bench-lag");
                sampler.start();
                write(writer, rowsPerSecond, run);
                run.writing.set(false);
                long writerDone = System.nanoTime();
                reader.join(180_000);
                sampler.interrupt();
                sampler.join();
                report(rowsPerSecond, run, writerDone);
            }
        }
    }

    /** What one measurement collects, shared by the writer threads, the reader and the lag sampler. */
    private static final class Run {
        final ConcurrentHashMap<Long, Long> committedAt = new ConcurrentHashMap<>();
        final ConcurrentHashMap<Long, Long> seenAt = new ConcurrentHashMap<>();
        final AtomicBoolean writing = new AtomicBoolean(true);
        final AtomicLong committedRows = new AtomicLong();
        final AtomicLong seenRows = new AtomicLong();
        final List<String> lagSamples = new ArrayList<>();
        volatile long measureFrom;
        volatile long measureTo;
        volatile long committedAtStart;
        volatile long committedAtEnd;
        volatile long allSeenAt;
        volatile CpuUse cpuAtStart;
        volatile CpuUse cpuAtEnd;
    }

    /**
     * CPU time used so far, split by who used it: capture's threads by job, the Kafka broker and the rest of this
     * JVM, and Postgres (the postmaster and its children, including the walsender that decodes for capture).
     */
    private record CpuUse(java.util.Map<String, Long> nanosByGroup, long jvmNanos, long postgresTicks,
            long publishedRows) {
        /** Capture's thread groups, in print order; a thread belongs to the first group whose test it passes. */
        private static final java.util.LinkedHashMap<String, java.util.function.Predicate<String>> GROUPS =
                new java.util.LinkedHashMap<>();

        static {
            GROUPS.put("debezium streaming", n -> n.contains("change-event-source-coordinator"));
            GROUPS.put("engine + capture loop", n -> n.startsWith("pool-") || n.equals("capture"));
            GROUPS.put("publishing + producer", n -> n.startsWith("capture-publish")
                    || n.contains("producer-lat-capture"));
            GROUPS.put("capture other", n -> n.startsWith("debezium-") || n.startsWith("horizon-")
                    || n.contains("lat.capture.offsets") || n.contains("lat-capture"));
            GROUPS.put("benchmark", n -> n.startsWith("bench-") || n.startsWith("main")
                    || n.startsWith("HikariPool") || n.startsWith("postgres-synapse"));
            GROUPS.put("broker + other JVM threads", n -> true);
        }

        CpuUse(java.nio.file.Path pgData, Capture capture) {
            this(byGroup(), ((com.sun.management.OperatingSystemMXBean) java.lang.management.ManagementFactory
                    .getOperatingSystemMXBean()).getProcessCpuTime(), postgresTicks(pgData),
                    capture.metrics().publishedRows("receipts"));
        }

        private static java.util.Map<String, Long> byGroup() {
            var threads = java.lang.management.ManagementFactory.getThreadMXBean();
            java.util.Map<String, Long> out = new java.util.HashMap<>();
            for (Thread t : Thread.getAllStackTraces().keySet()) {
                String group = GROUPS.entrySet().stream().filter(g -> g.getValue().test(t.getName())).findFirst()
                        .orElseThrow().getKey();
                out.merge(group, Math.max(0, threads.getThreadCpuTime(t.getId())), Long::sum);
            }
            return out;
        }

        private static long postgresTicks(java.nio.file.Path pgData) {
            try {
                String postmaster = java.nio.file.Files.readAllLines(pgData.resolve("postmaster.pid")).get(0).trim();
                long ticks = 0;
                try (var procs = java.nio.file.Files.list(java.nio.file.Path.of("/proc"))) {
                    for (var dir : (Iterable<java.nio.file.Path>) procs::iterator) {
                        String pid = dir.getFileName().toString();
                        if (!pid.chars().allMatch(Character::isDigit)) {
                            continue;
                        }
                        try {
                            String stat = java.nio.file.Files.readString(dir.resolve("stat"));
                            String[] f = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
                            if (pid.equals(postmaster) || f[1].equals(postmaster)) {
                                ticks += Long.parseLong(f[11]) + Long.parseLong(f[12]); // utime + stime
                            }
                        } catch (java.io.IOException | RuntimeException gone) {
                            // the process ended meanwhile
                        }
                    }
                }
                return ticks;
            } catch (java.io.IOException e) {
                return 0;
            }
        }

        private long captureNanos() {
            return GROUPS.keySet().stream().filter(g -> g.startsWith("capture") || g.startsWith("debezium")
                    || g.startsWith("engine") || g.startsWith("publishing"))
                    .mapToLong(g -> nanosByGroup.getOrDefault(g, 0L)).sum();
        }

        /** "capture x s, JVM y s, Postgres z s" between {@code from} and this. */
        String since(CpuUse from) {
            return String.format("capture %.1f s, whole JVM %.1f s, Postgres %.1f s",
                    (captureNanos() - from.captureNanos()) / 1e9, (jvmNanos - from.jvmNanos) / 1e9,
                    (postgresTicks - from.postgresTicks) / 100.0);
        }

        /**
         * CPU per row published between {@code from} and this, by thread group (µs): what each row costs, which
         * stays comparable when a loaded machine gives capture less CPU than it needs. The rest of the JVM (GC,
         * JIT) only {@code withRest}: it would also count threads that ended in between.
         */
        String perRowSince(CpuUse from, boolean withRest) {
            long rows = publishedRows - from.publishedRows;
            if (rows <= 0) {
                return "no row published";
            }
            StringBuilder out = new StringBuilder(rows + " rows published; µs per row:");
            for (String g : GROUPS.keySet()) {
                if (!g.equals("benchmark")) { // the writer threads end with the measured period: not comparable
                    long nanos = nanosByGroup.getOrDefault(g, 0L) - from.nanosByGroup.getOrDefault(g, 0L);
                    out.append(String.format(" %s %.1f,", g, nanos / 1e3 / rows));
                }
            }
            out.append(String.format(" capture in all %.1f, Postgres %.1f",
                    (captureNanos() - from.captureNanos()) / 1e3 / rows,
                    (postgresTicks - from.postgresTicks) * 1e4 / rows));
            if (withRest) {
                long threads = nanosByGroup.values().stream().mapToLong(Long::longValue).sum()
                        - from.nanosByGroup.values().stream().mapToLong(Long::longValue).sum();
                out.append(String.format(", rest of the JVM (GC, JIT) %.1f", (jvmNanos - from.jvmNanos - threads)
                        / 1e3 / rows));
            }
            return out.toString();
        }
    }

    /** Commits {@code rowsPerSecond} rows for the warm-up and then the measured period, on {@link #THREADS}. */
    private static void write(SynapseWriter writer, int rowsPerSecond, Run run) throws InterruptedException {
        long start = System.nanoTime();
        run.measureFrom = start + WARMUP.toNanos();
        run.measureTo = run.measureFrom + RUN.toNanos();
        double nanosPerCommit = 1e9 * ROWS_PER_COMMIT / rowsPerSecond;
        RowWriter rows = ROWS_PER_COMMIT == 1 ? new ReceiptRows() : new ReceiptBatchRows();
        AtomicLong slots = new AtomicLong();
        List<Thread> threads = new ArrayList<>();
        for (int i = 0; i < THREADS; i++) {
            Thread t = new Thread(() -> {
                while (true) {
                    long due = start + (long) (slots.getAndIncrement() * nanosPerCommit);
                    if (due >= run.measureTo) {
                        return;
                    }
                    for (long wait = due - System.nanoTime(); wait > 0; wait = due - System.nanoTime()) {
                        LockSupport.parkNanos(wait); // pacing the load, not synchronisation
                    }
                    try (PendingWrite w = writer.begin(Stream.RECEIPTS, ROWS_PER_COMMIT, rows)) {
                        w.commit();
                        for (long token : w.tokens()) {
                            run.committedAt.put(token, w.committedAtNanos());
                        }
                        run.committedRows.addAndGet(ROWS_PER_COMMIT);
                    } catch (RuntimeException e) {
                        // a lock timeout on one receipt key: Synapse would retry; the benchmark moves on
                    }
                }
            }, "bench-writer-" + i);
            t.start();
            threads.add(t);
        }
        for (Thread t : threads) {
            t.join();
        }
    }

    /**
     * Once a second: rows committed but not yet seen by the reader, not yet committed in Kafka by capture, held by
     * capture waiting for their frontier, and the WAL the walsender had not yet sent (kB): where the lag is.
     */
    private static void sampleLag(Run run, Capture capture, javax.sql.DataSource db, java.nio.file.Path pgData) {
        long next = run.measureFrom;
        try (Connection c = db.getConnection(); var st = c.createStatement()) {
            while (!Thread.currentThread().isInterrupted()) {
                for (long wait = next - System.nanoTime(); wait > 0; wait = next - System.nanoTime()) {
                    LockSupport.parkNanos(wait); // sampling once a second, not synchronisation
                    if (Thread.currentThread().isInterrupted()) {
                        return;
                    }
                }
                long committed = run.committedRows.get();
                if (next == run.measureFrom) {
                    run.committedAtStart = committed;
                    run.cpuAtStart = new CpuUse(pgData, capture);
                }
                if (next >= run.measureTo && run.committedAtEnd == 0) {
                    run.committedAtEnd = committed;
                    run.cpuAtEnd = new CpuUse(pgData, capture);
                }
                long unsentKb;
                try (var rs = st.executeQuery("SELECT coalesce(max(pg_current_wal_lsn() - sent_lsn), 0)::bigint / 1024"
                        + " FROM pg_stat_replication")) {
                    rs.next();
                    unsentKb = rs.getLong(1);
                }
                synchronized (run.lagSamples) {
                    run.lagSamples.add((committed - run.seenRows.get()) + "/"
                            + (committed - capture.metrics().publishedRows("receipts")) + "/"
                            + capture.metrics().held() + "/" + unsentKb);
                }
                next += TimeUnit.SECONDS.toNanos(1);
            }
        } catch (java.sql.SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    private static void read(EmbeddedKafkaBroker kafka, StreamTopics topics, Run run, CountDownLatch ready) {
        Properties p = new Properties();
        p.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, kafka.bootstrapServers());
        p.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        p.put(ConsumerConfig.FETCH_MAX_WAIT_MS_CONFIG, 5);
        StreamRecordCodec codec = new StreamRecordCodec();
        try (KafkaConsumer<String, byte[]> c = new KafkaConsumer<>(p, new StringDeserializer(),
                new ByteArrayDeserializer())) {
            TopicPartition tp = new TopicPartition(topics.stream("receipts"), 0);
            c.assign(Set.of(tp));
            c.seekToBeginning(Set.of(tp));
            c.position(tp); // resolves the offset and the partition's leader before the writers start
            c.poll(Duration.ZERO);
            ready.countDown();
            long deadline = Long.MAX_VALUE;
            while (System.nanoTime() < deadline) {
                if (!run.writing.get() && deadline == Long.MAX_VALUE) {
                    deadline = System.nanoTime() + Duration.ofSeconds(120).toNanos();
                }
                for (ConsumerRecord<String, byte[]> r : c.poll(Duration.ofMillis(50))) {
                    long seen = System.nanoTime();
                    StreamRecord record = codec.decode(r.value());
                    if (record.isRow() && run.seenAt.putIfAbsent(record.token(), seen) == null) {
                        run.seenRows.incrementAndGet();
                    }
                }
                if (!run.writing.get() && run.seenRows.get() >= run.committedRows.get()) {
                    run.allSeenAt = System.nanoTime();
                    return;
                }
            }
        }
    }

    private static void report(int rowsPerSecond, Run run, long writerDone) {
        List<Long> latenciesMicros = new ArrayList<>();
        long measuredRows = 0;
        for (var e : run.committedAt.entrySet()) {
            long committed = e.getValue();
            if (committed < run.measureFrom) {
                continue;
            }
            measuredRows++;
            Long seen = run.seenAt.get(e.getKey());
            if (seen != null) {
                // The commit time is taken as the commit returns; a row can be seen a hair before.
                latenciesMicros.add(Math.max(0, seen - committed) / 1000);
            }
        }
        long[] sorted = latenciesMicros.stream().mapToLong(Long::longValue).sorted().toArray();
        long committedInRun = (run.committedAtEnd == 0 ? run.committedRows.get() : run.committedAtEnd)
                - run.committedAtStart;
        List<String> lag;
        synchronized (run.lagSamples) {
            lag = List.copyOf(run.lagSamples);
        }
        System.out.printf("capture at %d rows/s (%d rows per commit, %d threads, warm-up %d s): %d rows committed"
                        + " in the measured %d s (%.0f rows/s), %d of them seen; commit->topic p50 %.1f ms,"
                        + " p90 %.1f ms, p99 %.1f ms, max %.1f ms; each second from the end of the warm-up, rows committed and not yet"
                        + " seen by the reader / not yet published / held for their frontier / WAL not yet sent (kB): %s; all seen %.2f s after the writers stopped%n",
                rowsPerSecond, ROWS_PER_COMMIT, THREADS, WARMUP.toSeconds(), measuredRows, RUN.toSeconds(),
                committedInRun / (double) RUN.toSeconds(), sorted.length,
                percentile(sorted, 0.50) / 1000.0, percentile(sorted, 0.90) / 1000.0,
                percentile(sorted, 0.99) / 1000.0, sorted.length == 0 ? 0 : sorted[sorted.length - 1] / 1000.0,
                lag, run.allSeenAt == 0 ? Double.NaN : (run.allSeenAt - writerDone) / 1e9);
        if (run.cpuAtStart != null && run.cpuAtEnd != null) {
            System.out.printf("capture at %d rows/s: CPU used in the measured %d s: %s%n", rowsPerSecond,
                    RUN.toSeconds(), run.cpuAtEnd.since(run.cpuAtStart));
            System.out.printf("capture at %d rows/s: CPU per row in the measured %d s: %s%n", rowsPerSecond,
                    RUN.toSeconds(), run.cpuAtEnd.perRowSince(run.cpuAtStart, false));
        }
        System.out.printf("capture at %d rows/s: CPU by thread over the whole run: %s%n", rowsPerSecond,
                cpuByThread());
    }

    /** CPU seconds of the live threads, grouped by name (digits elided), largest first. */
    private static String cpuByThread() {
        var threads = java.lang.management.ManagementFactory.getThreadMXBean();
        java.util.Map<String, Long> byName = new java.util.HashMap<>();
        for (Thread t : Thread.getAllStackTraces().keySet()) {
            byName.merge(t.getName().replaceAll("[0-9]+", "N"), Math.max(0, threads.getThreadCpuTime(t.getId())),
                    Long::sum);
        }
        return byName.entrySet().stream().sorted(java.util.Map.Entry.<String, Long>comparingByValue().reversed())
                .limit(14).map(e -> String.format("%s %.1f", e.getKey(), e.getValue() / 1e9))
                .collect(java.util.stream.Collectors.joining(", "));
    }

    private static long percentile(long[] sorted, double q) {
        return sorted.length == 0 ? 0 : sorted[(int) Math.min(sorted.length - 1, Math.floor(q * sorted.length))];
    }
}
