package io.synapsebridge.adapter.server;

import io.synapsebridge.adapter.http.KafkaStreamLog;
import io.synapsebridge.protocol.command.LegacyReplicateCommand;
import java.util.OptionalLong;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.apache.kafka.clients.consumer.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The 2017-dialect subscriptions of one connection, served one after the other on a thread of the connection's own
 * (created on the first REPLICATE), so that a backlog is read at the pace the connection takes it and two
 * subscriptions to one stream are served in the order asked.
 */
final class LegacySession implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(LegacySession.class);

    private final LegacyReplication shared;
    private final Subscriber subscriber;
    private final String connection;
    /** Only touched on the connection's event loop. */
    private ExecutorService worker;
    /** Only touched on the worker thread. */
    private Consumer<String, byte[]> consumer;
    private volatile boolean closed;

    LegacySession(LegacyReplication shared, Subscriber subscriber, String connection) {
        this.shared = shared;
        this.subscriber = subscriber;
        this.connection = connection;
    }

    /**
     * Queues {@code REPLICATE <stream|ALL> <token|NOW>}.
     *
     * @throws ReplicateFailedException for a stream that is not served
     */
    void replicate(LegacyReplicateCommand command) {
        for (String stream : shared.streams(command)) {
            worker().execute(() -> subscribe(stream, command.token()));
        }
    }

    private ExecutorService worker() {
        if (worker == null) {
            worker = Executors.newSingleThreadExecutor(task -> {
                Thread t = new Thread(task, "catch-up " + connection);
                t.setDaemon(true);
                return t;
            });
        }
        return worker;
    }

    private void subscribe(String stream, OptionalLong token) {
        if (closed) {
            return;
        }
        try {
            if (token.isEmpty()) {
                shared.tail().submit(() -> shared.hub().followNow(subscriber, stream));
            } else {
                new StreamCatchUp(shared, subscriber, consumer(), stream, token.getAsLong()).run();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (RuntimeException e) {
            if (!closed) {
                LOG.warn("connection {}: catch-up of {} failed", connection, stream, e);
                subscriber.drop(ReplicateFailedException.reply(e.getMessage()));
            }
        }
    }

    private Consumer<String, byte[]> consumer() {
        if (consumer == null) {
            consumer = KafkaStreamLog.newConsumer(shared.bootstrapServers(), "catch-up-" + connection);
        }
        return consumer;
    }

    /** Stops serving: a running catch-up ends at its next wait, queued ones do not start. */
    @Override
    public void close() {
        closed = true;
        if (worker != null) {
            worker.execute(() -> {
                if (consumer != null) {
                    consumer.close();
                }
            });
            worker.shutdown();
        }
    }
}
