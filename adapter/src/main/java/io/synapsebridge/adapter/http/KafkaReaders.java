package io.synapsebridge.adapter.http;

import io.synapsebridge.contract.StreamRecordCodec;
import java.time.Duration;
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
            consumers.add(KafkaStreamLog.newConsumer(bootstrapServers, "catch-up-reader-" + i));
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
