package io.synapsebridge.adapter.http;

import io.synapsebridge.contract.StreamRecordCodec;
import java.time.Duration;
import java.util.Properties;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.SynchronousQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;

/**
 * A fixed number of threads that read stream topics for requests, off the event loop. There are as many consumers
 * as threads, so a task always finds one free; each task assigns the one it borrows to its topic.
 */
final class KafkaReaders implements AutoCloseable {
    private final BlockingQueue<Consumer<String, byte[]>> consumers;
    private final ThreadPoolExecutor executor;
    private final StreamRecordCodec codec = new StreamRecordCodec();
    private final Duration readTimeout;

    KafkaReaders(String bootstrapServers, int readers, int maxQueued, Duration readTimeout) {
        this.readTimeout = readTimeout;
        this.consumers = new ArrayBlockingQueue<>(readers);
        for (int i = 0; i < readers; i++) {
            consumers.add(newConsumer(bootstrapServers, "catch-up-reader-" + i));
        }
        AtomicInteger threads = new AtomicInteger();
        this.executor = new ThreadPoolExecutor(readers, readers, 0, TimeUnit.MILLISECONDS,
                maxQueued == 0 ? new SynchronousQueue<>() : new LinkedBlockingQueue<>(maxQueued),
                task -> {
                    Thread t = new Thread(task, "catch-up-reader-" + threads.getAndIncrement());
                    t.setDaemon(true);
                    return t;
                });
    }

    /** A consumer that sees committed records only and never joins a group or creates a topic. */
    static Consumer<String, byte[]> newConsumer(String bootstrapServers, String clientId) {
        Properties p = new Properties();
        p.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        p.put(ConsumerConfig.CLIENT_ID_CONFIG, clientId);
        p.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        p.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        p.put(ConsumerConfig.ALLOW_AUTO_CREATE_TOPICS_CONFIG, false);
        p.put(ConsumerConfig.MAX_POLL_RECORDS_CONFIG, 500);
        // Each probe of the token search is one fetch: keep them small, a few hundred rows at most.
        p.put(ConsumerConfig.MAX_PARTITION_FETCH_BYTES_CONFIG, 256 * 1024);
        p.put(ConsumerConfig.FETCH_MAX_WAIT_MS_CONFIG, 50);
        return new KafkaConsumer<>(p, new StringDeserializer(), new ByteArrayDeserializer());
    }

    /**
     * Runs {@code work} on a reader thread over a snapshot of {@code topic}.
     *
     * @throws CatchUpError 503 if too many requests are already waiting
     */
    <T> CompletableFuture<T> read(String topic, String stream, Function<StreamLog, T> work) {
        try {
            return CompletableFuture.supplyAsync(() -> {
                Consumer<String, byte[]> consumer = consumers.remove();
                try {
                    return work.apply(KafkaStreamLog.open(consumer, topic, stream, codec, readTimeout));
                } finally {
                    consumers.add(consumer);
                }
            }, executor);
        } catch (RejectedExecutionException e) {
            throw CatchUpError.busy();
        }
    }

    /** Lets running reads finish (they are bounded by the read timeout), then closes the consumers. */
    @Override
    public void close() {
        executor.shutdown();
        try {
            executor.awaitTermination(readTimeout.toMillis() + 5_000, TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        executor.shutdownNow();
        consumers.forEach(Consumer::close);
    }
}
