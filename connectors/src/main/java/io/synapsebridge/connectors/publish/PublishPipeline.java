package io.synapsebridge.connectors.publish;

import io.synapsebridge.connectors.sequencing.Publication;
import io.synapsebridge.connectors.sequencing.SourcePosition;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Publishes releases on a thread of its own, every release queued since the last Kafka transaction in the next one
 * (with the newest checkpoint, which describes them all), so that capture goes on reading changes while Kafka
 * commits. A Kafka transaction costs several round trips to the broker whatever its size; done per batch on the
 * capture thread, it capped capture at a few hundred rows a second on a busy machine.
 *
 * <p>Capture asks {@link #oldestUnpublished()} before acknowledging changes to Debezium: a change may be acknowledged
 * only once everything released from it is committed in Kafka.
 */
public final class PublishPipeline implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(PublishPipeline.class);
    /** Records queued beyond this make capture wait: memory stays bounded when Kafka is slower than the database. */
    static final int MAX_QUEUED_RECORDS = 50_000;

    private final StreamPublisher publisher;
    private final Consumer<List<Publication>> committed;
    private final Thread thread;
    private final Deque<Release> queued = new ArrayDeque<>();
    private final Deque<Release> inFlight = new ArrayDeque<>();
    private int queuedRecords;
    private RuntimeException failure;
    private boolean closing;

    /** @param committed told, on the pipeline's thread, of the records of each Kafka transaction once committed */
    public PublishPipeline(StreamPublisher publisher, Consumer<List<Publication>> committed) {
        this.publisher = publisher;
        this.committed = committed;
        this.thread = new Thread(this::run, "capture-publish");
        this.thread.setDaemon(true);
        this.thread.start();
    }

    /**
     * Queues {@code release}; waits while too much is queued.
     *
     * @throws IllegalStateException if an earlier publication failed: capture must stop and restart from what
     *                               Kafka holds
     */
    public synchronized void submit(Release release) throws InterruptedException {
        while (failure == null && queuedRecords >= MAX_QUEUED_RECORDS) {
            wait();
        }
        throwIfFailed();
        queued.addLast(release);
        queuedRecords += release.size();
        notifyAll();
    }

    /** The oldest change something queued or being written depends on; null when everything is in Kafka. */
    public synchronized SourcePosition oldestUnpublished() {
        SourcePosition oldest = null;
        for (Deque<Release> d : List.of(inFlight, queued)) {
            for (Release r : d) {
                if (r.oldestSource() != null && (oldest == null || r.oldestSource().compareTo(oldest) < 0)) {
                    oldest = r.oldestSource();
                }
            }
        }
        return oldest;
    }

    /** Throws the failure of an earlier publication, if any. */
    public synchronized void throwIfFailed() {
        if (failure != null) {
            throw new IllegalStateException("publishing to Kafka failed: " + failure.getMessage(), failure);
        }
    }

    private void run() {
        while (true) {
            List<Release> batch;
            synchronized (this) {
                while (queued.isEmpty() && !closing) {
                    try {
                        wait();
                    } catch (InterruptedException e) {
                        return;
                    }
                }
                if (queued.isEmpty()) {
                    return; // closing, nothing left
                }
                batch = new ArrayList<>(queued);
                inFlight.addAll(queued);
                queued.clear();
                queuedRecords = 0;
                notifyAll();
            }
            try {
                publish(batch);
            } catch (RuntimeException e) {
                LOG.error("publishing {} releases failed: {}", batch.size(), e.getMessage(), e);
                synchronized (this) {
                    failure = e;
                    notifyAll();
                }
                return;
            }
            synchronized (this) {
                inFlight.clear();
                notifyAll();
            }
        }
    }

    private void publish(List<Release> batch) {
        List<Publication> publications = new ArrayList<>();
        List<DeadLetter> deadLetters = new ArrayList<>();
        for (Release r : batch) {
            publications.addAll(r.publications());
            deadLetters.addAll(r.deadLetters());
        }
        // Releases are in capture order, so the newest checkpoint describes all of them. The in-memory streams'
        // releases carry none: they are not captured from the WAL.
        CaptureCheckpoint checkpoint = null;
        for (Release r : batch) {
            checkpoint = r.checkpoint() != null ? r.checkpoint() : checkpoint;
        }
        publisher.publish(publications, deadLetters, checkpoint);
        committed.accept(publications);
    }

    /** Publishes what is queued, then stops. */
    @Override
    public void close() {
        synchronized (this) {
            closing = true;
            notifyAll();
        }
        try {
            thread.join(Duration.ofSeconds(30).toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        if (thread.isAlive()) {
            LOG.warn("capture publishing did not finish within 30 s; the rest is published after a restart");
            thread.interrupt();
        }
    }
}
