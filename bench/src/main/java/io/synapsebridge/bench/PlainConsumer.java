package io.synapsebridge.bench;

import java.lang.management.ManagementFactory;
import java.time.Duration;
import java.util.List;
import java.util.Properties;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;

/**
 * The baseline: a service reading the stream topic directly with an ordinary KafkaConsumer (read_committed, like the
 * adapter; otherwise Kafka's defaults), from the end of the topic, until it has the records the measurement expects.
 */
final class PlainConsumer extends Thread implements AutoCloseable {
    private final KafkaConsumer<byte[], byte[]> consumer;
    private final long expected;
    private volatile long doneAt;
    private volatile long count;
    private volatile long cpuNanos;
    private volatile boolean running = true;

    /** Positions at the current end of {@code topic}; {@link #start()} then reads {@code expected} records. */
    PlainConsumer(String bootstrapServers, String topic, long expected) {
        super("plain-consumer");
        setDaemon(true);
        Properties p = new Properties();
        p.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        p.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        p.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        this.consumer = new KafkaConsumer<>(p, new ByteArrayDeserializer(), new ByteArrayDeserializer());
        this.expected = expected;
        TopicPartition partition = new TopicPartition(topic, 0);
        consumer.assign(List.of(partition));
        consumer.seekToEnd(List.of(partition));
        consumer.position(partition, Duration.ofSeconds(30));
    }

    @Override
    public void run() {
        long seen = 0;
        while (running && seen < expected) {
            seen += consumer.poll(Duration.ofMillis(100)).count();
            count = seen;
        }
        if (seen >= expected) {
            doneAt = System.nanoTime();
        }
        cpuNanos = ManagementFactory.getThreadMXBean().getCurrentThreadCpuTime();
        consumer.close();
    }

    /** When it had every expected record ({@link System#nanoTime()}), 0 if it has not. */
    long doneAt() {
        return doneAt;
    }

    long count() {
        return count;
    }

    /** CPU time of the reading thread, known once it has stopped. */
    Duration cpu() {
        return Duration.ofNanos(cpuNanos);
    }

    @Override
    public void close() throws InterruptedException {
        running = false;
        join(10_000);
    }
}
