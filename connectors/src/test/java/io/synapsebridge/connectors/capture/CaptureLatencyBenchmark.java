package io.synapsebridge.connectors.capture;

import com.zaxxer.hikari.HikariDataSource;
import io.synapsebridge.connectors.mapping.Mappers;
import io.synapsebridge.contract.StreamRecord;
import io.synapsebridge.contract.StreamRecordCodec;
import io.synapsebridge.contract.StreamTopics;
import io.synapsebridge.devstack.EmbeddedKafkaBroker;
import io.synapsebridge.devstack.EmbeddedPostgresServer;
import io.synapsebridge.sim.SynapseWriter;
import io.synapsebridge.sim.id.Stream;
import io.synapsebridge.sim.schema.SchemaVersion;
import io.synapsebridge.sim.schema.SynapseSchema;
import java.sql.Connection;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
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
 * Commit → record in the stream topic, at fixed commit rates: a benchmark, not a test (it asserts nothing about
 * time, and the default build excludes the {@code benchmark} tag). Run it with the command in BENCHMARKS.md.
 *
 * <p>Each write is one receipts row committed by the Synapse-like writer (id from the sequence, row, commit, then
 * {@code stream_positions} in its own transaction, as Synapse does); latency is measured from the writer's commit
 * returning to a read_committed consumer seeing the row.
 */
@Tag("benchmark")
class CaptureLatencyBenchmark {
    private static final Duration RUN = Duration.ofSeconds(Long.getLong("bench.seconds", 20));

    @Test
    void commitToTopicLatency() throws Exception {
        for (String rate : System.getProperty("bench.rates", "1000,5000").split(",")) {
            measure(Integer.parseInt(rate.trim()));
        }
    }

    private void measure(int rate) throws Exception {
        try (EmbeddedPostgresServer postgres = EmbeddedPostgresServer.start(0);
             EmbeddedKafkaBroker kafka = EmbeddedKafkaBroker.start(0)) {
            postgres.createDatabase("synapse");
            try (Connection c = postgres.dataSource("synapse").getConnection()) {
                SynapseSchema.apply(c, SchemaVersion.V1_66);
            }
            StreamTopics topics = new StreamTopics("lat");
            CaptureSettings settings = CaptureSettings.defaults(new DatabaseSettings("localhost", postgres.port(),
                    "synapse", EmbeddedPostgresServer.USER, null), kafka.bootstrapServers(), topics);
            try (HikariDataSource pool = postgres.pooledDataSource("synapse", 16);
                 Capture capture = Capture.start(settings, Mappers.v1_66(), Mappers.STREAMS_V1_66)) {
                SynapseWriter writer = SynapseWriter.start(pool);
                ConcurrentHashMap<Long, Long> committedAt = new ConcurrentHashMap<>();
                ConcurrentHashMap<Long, Long> seenAt = new ConcurrentHashMap<>();
                AtomicBoolean writing = new AtomicBoolean(true);
                AtomicLong written = new AtomicLong();
                Thread reader = new Thread(() -> read(kafka, topics, seenAt, written, writing));
                reader.start();
                long start = System.nanoTime();
                write(writer, rate, committedAt, written);
                long elapsed = System.nanoTime() - start;
                writing.set(false);
                reader.join(60_000);
                List<Long> latenciesMicros = new ArrayList<>();
                committedAt.forEach((token, committed) -> {
                    Long seen = seenAt.get(token);
                    if (seen != null) {
                        // The commit time is taken as the writer's commit returns; a row can be seen a hair before.
                        latenciesMicros.add(Math.max(0, seen - committed) / 1000);
                    }
                });
                report(rate, written.get(), elapsed, latenciesMicros);
            }
        }
    }

    /** Commits at {@code rate} writes/s on 8 threads, each write timed at its commit. */
    private static void write(SynapseWriter writer, int rate, ConcurrentHashMap<Long, Long> committedAt,
            AtomicLong written) throws InterruptedException {
        long start = System.nanoTime();
        long end = start + RUN.toNanos();
        double nanosPerWrite = 1e9 / rate;
        AtomicLong slots = new AtomicLong();
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
                    try (var w = writer.begin(Stream.RECEIPTS)) {
                        w.commit();
                        committedAt.put(w.token(), System.nanoTime());
                        written.incrementAndGet();
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
    }

    private static void read(EmbeddedKafkaBroker kafka, StreamTopics topics, ConcurrentHashMap<Long, Long> seenAt,
            AtomicLong written, AtomicBoolean writing) {
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
            long deadline = Long.MAX_VALUE;
            while (System.nanoTime() < deadline) {
                if (!writing.get() && deadline == Long.MAX_VALUE) {
                    deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
                }
                for (ConsumerRecord<String, byte[]> r : c.poll(Duration.ofMillis(50))) {
                    long seen = System.nanoTime();
                    StreamRecord record = codec.decode(r.value());
                    if (record.isRow()) {
                        seenAt.putIfAbsent(record.token(), seen);
                    }
                }
                if (!writing.get() && seenAt.size() >= written.get()) {
                    return;
                }
            }
        }
    }

    private static void report(int rate, long written, long elapsedNanos, List<Long> latenciesMicros) {
        long[] sorted = latenciesMicros.stream().mapToLong(Long::longValue).sorted().toArray();
        System.out.printf("capture latency at %d writes/s: %d rows committed in %.1f s (%.0f rows/s), %d seen;"
                        + " commit->topic p50 %.1f ms, p99 %.1f ms, max %.1f ms%n",
                rate, written, elapsedNanos / 1e9, written / (elapsedNanos / 1e9), sorted.length,
                percentile(sorted, 0.50) / 1000.0, percentile(sorted, 0.99) / 1000.0,
                sorted.length == 0 ? 0 : sorted[sorted.length - 1] / 1000.0);
    }

    private static long percentile(long[] sorted, double q) {
        return sorted.length == 0 ? 0 : sorted[(int) Math.min(sorted.length - 1, Math.floor(q * sorted.length))];
    }
}
