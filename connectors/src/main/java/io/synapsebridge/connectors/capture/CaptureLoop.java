package io.synapsebridge.connectors.capture;

import io.debezium.engine.DebeziumEngine;
import io.debezium.engine.RecordChangeEvent;
import io.synapsebridge.connectors.frontier.Announcement;
import io.synapsebridge.connectors.frontier.AnnouncementFence;
import io.synapsebridge.connectors.frontier.FencedToken;
import io.synapsebridge.connectors.frontier.HorizonFence;
import io.synapsebridge.connectors.mapping.ChangeRow;
import io.synapsebridge.connectors.mapping.InvalidChangeException;
import io.synapsebridge.connectors.mapping.MappingSink;
import io.synapsebridge.connectors.mapping.TableMapper;
import io.synapsebridge.connectors.mapping.TableRouter;
import io.synapsebridge.connectors.publish.CaptureCheckpoint;
import io.synapsebridge.connectors.publish.DeadLetter;
import io.synapsebridge.connectors.publish.PublishPipeline;
import io.synapsebridge.connectors.publish.Release;
import io.synapsebridge.connectors.sequencing.CapturedRow;
import io.synapsebridge.connectors.sequencing.Offer;
import io.synapsebridge.connectors.sequencing.Publication;
import io.synapsebridge.connectors.sequencing.Sequencer;
import io.synapsebridge.connectors.sequencing.SourcePosition;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.kafka.connect.source.SourceRecord;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Handles each batch of captured changes: map them to stream rows, hold the rows until their writer's frontier
 * covers them, hand what is released to the publishing pipeline together with a checkpoint, and acknowledge changes
 * to Debezium only up to the oldest one that a held row or an unpublished release still depends on.
 */
final class CaptureLoop implements DebeziumEngine.ChangeConsumer<RecordChangeEvent<SourceRecord>> {
    private static final Logger LOG = LoggerFactory.getLogger(CaptureLoop.class);
    /**
     * A horizon moves for every writer at once, up to a hundred times a second: a writer with no row due gets a
     * position record at most this often, or idle writers would fill the topic with positions.
     */
    private static final long HORIZON_POSITION_INTERVAL_NANOS = 1_000_000_000L;

    private final TableRouter router;
    private final Sequencer sequencer;
    private final PublishPipeline publisher;
    private final CaptureMetrics metrics;
    private final AnnouncementFence announcements;
    private final Set<String> announcedStreams;
    private final HorizonFence horizons;
    private final Set<String> releasable;
    private final Set<String> warnedUnreleasable = new java.util.HashSet<>();
    private final SafeOffsets safeOffsets = new SafeOffsets();
    private final Map<String, Long> horizonPositionAt = new java.util.HashMap<>();
    private long capturedLsn;
    private long currentTxId = -1;

    CaptureLoop(TableRouter router, Sequencer sequencer, PublishPipeline publisher, CaptureMetrics metrics,
            AnnouncementFence announcements, Set<String> announcedStreams, HorizonFence horizons,
            Set<String> releasable) {
        this.router = router;
        this.sequencer = sequencer;
        this.publisher = publisher;
        this.metrics = metrics;
        this.announcements = announcements;
        this.announcedStreams = Set.copyOf(announcedStreams);
        this.horizons = horizons;
        this.releasable = Set.copyOf(releasable);
    }

    @Override
    public void handleBatch(List<RecordChangeEvent<SourceRecord>> events,
            DebeziumEngine.RecordCommitter<RecordChangeEvent<SourceRecord>> committer) throws InterruptedException {
        publisher.throwIfFailed();
        List<Publication> released = new ArrayList<>();
        List<DeadLetter> deadLetters = new ArrayList<>();
        MappingSink sink = new MappingSink() {
            @Override
            public void row(CapturedRow row) {
                if (!releasable.contains(row.stream())) {
                    // Held forever, such a row would also pin the WAL: better not to capture it at all.
                    if (warnedUnreleasable.add(row.stream())) {
                        LOG.warn("stream {} has no frontier source in this set-up (it needs the writer's"
                                + " replication connection): its rows are not published", row.stream());
                    }
                    metrics.unreleasable(row.stream());
                    return;
                }
                Offer offer = sequencer.offer(row);
                switch (offer) {
                    case HELD -> metrics.rowCaptured(row.stream());
                    case DUPLICATE -> metrics.duplicateDropped(row.stream());
                    case LATE -> throw new InvalidChangeException("row " + row.stream() + "/" + row.instance() + "/"
                            + row.token() + " is at or below the published frontier "
                            + sequencer.published(row.stream(), row.instance()) + ": it committed after its writer"
                            + " announced a later token");
                }
            }

            @Override
            public void frontier(String stream, String instance, long token) {
                released.addAll(sequencer.advance(stream, instance, token));
                metrics.frontier(stream, instance, token);
            }
        };

        SourcePosition first = null;
        SourcePosition last = null;
        for (RecordChangeEvent<SourceRecord> event : events) {
            SourceRecord record = event.record();
            SourcePosition position = ChangeRows.position(record);
            last = position;
            if (first == null) {
                first = position;
            }
            if (Long.compareUnsigned(position.lsn(), capturedLsn) > 0) {
                capturedLsn = position.lsn();
            }
            safeOffsets.add(position, record.sourceOffset());
            ChangeRow change = ChangeRows.from(record, position);
            if (change == null) {
                continue;
            }
            if (position.txId() != currentTxId) {
                router.endTransaction();
                currentTxId = position.txId();
            }
            TableMapper mapper = router.mapperOf(change.table());
            if (mapper == null) {
                continue; // e.g. the heartbeat table
            }
            try {
                mapper.map(change, sink);
            } catch (InvalidChangeException | IllegalArgumentException e) {
                LOG.warn("change of {} at LSN {} goes to the dead-letter topic: {}", change.table(),
                        Long.toUnsignedString(position.lsn()), e.getMessage());
                deadLetters.add(new DeadLetter(change, e.getMessage()));
                metrics.deadLetter(change.table());
            }
        }

        // Writer announcements whose WAL fence capture has now passed: every row they cover is in the sequencer.
        for (Announcement a : announcements.passed(capturedLsn)) {
            if (announcedStreams.contains(a.stream())) {
                sink.frontier(a.stream(), a.instance(), a.token());
            }
        }

        // Snapshot horizons whose WAL fence capture has passed: final for every writer of the stream.
        for (FencedToken h : horizons.passed(capturedLsn)) {
            long now = System.nanoTime();
            for (String instance : sequencer.writers(h.stream())) {
                String writer = h.stream() + "/" + instance;
                Long lastPosition = horizonPositionAt.get(writer);
                if (sequencer.holdsAtOrBelow(h.stream(), instance, h.token()) || lastPosition == null
                        || now - lastPosition >= HORIZON_POSITION_INTERVAL_NANOS) {
                    sink.frontier(h.stream(), instance, h.token());
                    horizonPositionAt.put(writer, now);
                }
            }
        }

        if (!released.isEmpty() || !deadLetters.isEmpty()) {
            // Published on the pipeline's thread; this batch's changes stay unacknowledged until Kafka has them.
            publisher.submit(new Release(released, deadLetters,
                    new CaptureCheckpoint(sequencer.publishedFrontiers(), last), oldest(first, released)));
        }
        metrics.held(sequencer.heldCount());

        Map<String, ?> safe = safeOffsets.safePoint(older(sequencer.oldestHeld(), publisher.oldestUnpublished()));
        if (safe != null && !events.isEmpty()) {
            DebeziumEngine.Offsets offsets = committer.buildOffsets();
            safe.forEach(offsets::set);
            committer.markProcessed(events.get(events.size() - 1), offsets);
        }
        committer.markBatchFinished();
    }

    /** The oldest change a release depends on: its batch's first change, or an older row it releases. */
    private static SourcePosition oldest(SourcePosition batchFirst, List<Publication> released) {
        SourcePosition oldest = batchFirst;
        for (Publication p : released) {
            oldest = older(oldest, p.source());
        }
        return oldest;
    }

    private static SourcePosition older(SourcePosition a, SourcePosition b) {
        if (a == null) {
            return b;
        }
        return b == null || a.compareTo(b) <= 0 ? a : b;
    }
}
