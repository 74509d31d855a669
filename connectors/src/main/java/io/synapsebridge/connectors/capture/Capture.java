package io.synapsebridge.connectors.capture;

import io.debezium.embedded.Connect;
import io.debezium.engine.DebeziumEngine;
import io.debezium.engine.RecordChangeEvent;
import io.debezium.engine.format.ChangeEventFormat;
import io.synapsebridge.connectors.frontier.AnnouncementFence;
import io.synapsebridge.connectors.frontier.WriterConnection;
import io.synapsebridge.connectors.frontier.WriterEndpoint;
import io.synapsebridge.connectors.mapping.StreamPositionsMapper;
import io.synapsebridge.connectors.mapping.TableMapper;
import io.synapsebridge.connectors.mapping.TableRouter;
import io.synapsebridge.connectors.publish.CaptureCheckpoint;
import io.synapsebridge.connectors.publish.CheckpointReader;
import io.synapsebridge.connectors.publish.StreamPublisher;
import io.synapsebridge.connectors.publish.TopicSetup;
import io.synapsebridge.connectors.sequencing.Sequencer;
import java.io.IOException;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.connect.source.SourceRecord;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Capture from Synapse's database into the stream topics: sets up the topics, the publication and the slot,
 * restores what was published before, and runs the Debezium engine until closed or until it fails.
 */
public final class Capture implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(Capture.class);

    private final DebeziumEngine<RecordChangeEvent<SourceRecord>> engine;
    private final ExecutorService executor;
    private final StreamPublisher publisher;
    private final CaptureMetrics metrics;
    private final CompletableFuture<Void> stopped = new CompletableFuture<>();
    private final WriterConnection writerConnection;

    private Capture(CaptureSettings settings, TableRouter router, Sequencer sequencer, CaptureMetrics metrics,
            AnnouncementFence fence, Set<String> announcedStreams, WriterConnection writerConnection) {
        this.metrics = metrics;
        this.writerConnection = writerConnection;
        this.publisher = new StreamPublisher(settings.bootstrapServers(), settings.topics(),
                settings.topics().prefix() + "-capture");
        Set<String> tables = new HashSet<>(router.tables());
        tables.add(SlotSetup.HEARTBEAT_TABLE);
        this.engine = DebeziumEngine.create(ChangeEventFormat.of(Connect.class))
                .using(DebeziumProperties.of(settings, tables))
                .notifying(new CaptureLoop(router, sequencer, publisher, metrics, fence, announcedStreams,
                        releasableStreams(router, writerConnection != null ? announcedStreams : Set.of())))
                .using((success, message, error) -> {
                    if (success) {
                        stopped.complete(null);
                    } else {
                        LOG.error("capture stopped: {}", message, error);
                        stopped.completeExceptionally(error != null ? error : new IllegalStateException(message));
                    }
                })
                .build();
        this.executor = Executors.newSingleThreadExecutor(r -> new Thread(r, "capture"));
    }

    /** Capture without a connection to the writer: frontiers come from captured {@code stream_positions} only. */
    public static Capture start(CaptureSettings settings, List<TableMapper> mappers, Collection<String> streams) {
        return start(settings, mappers, streams, null, Set.of());
    }

    /**
     * Prepares everything and starts capturing. Every change committed after this returns will be captured.
     *
     * @param streams          the streams whose topics capture writes (created if missing)
     * @param writer           the writer's replication listener whose announcements are frontiers (fenced by the
     *                         WAL); null for none
     * @param announcedStreams the database-backed streams whose frontier the writer's announcements may move
     */
    public static Capture start(CaptureSettings settings, List<TableMapper> mappers, Collection<String> streams,
            WriterEndpoint writer, Set<String> announcedStreams) {
        TableRouter router = new TableRouter(mappers);
        TopicSetup.ensure(settings.bootstrapServers(), settings.topics(), streams, settings.replicationFactor());
        Set<String> tables = new HashSet<>(router.tables());
        tables.add(SlotSetup.HEARTBEAT_TABLE);
        try (Connection c = settings.database().connect()) {
            SlotSetup.ensureHeartbeatTable(c);
            PublicationSetup.ensure(c, settings.publicationName(), tables);
            SlotSetup.ensure(c, settings.slotName());
        } catch (SQLException e) {
            throw new IllegalStateException("cannot prepare " + settings.database().jdbcUrl() + " for capture: "
                    + e.getMessage(), e);
        }
        CaptureCheckpoint checkpoint = CheckpointReader.read(settings.bootstrapServers(), settings.topics(),
                Duration.ofSeconds(30));
        Sequencer sequencer = new Sequencer();
        sequencer.restore(checkpoint.published(), checkpoint.capturedUpTo());
        AnnouncementFence fence = new AnnouncementFence();
        WriterConnection connection = writer == null ? null
                : new WriterConnection(writer, settings.database(), fence);
        Capture capture = new Capture(settings, router, sequencer, new CaptureMetrics(), fence, announcedStreams,
                connection);
        capture.executor.execute(capture.engine);
        if (connection != null) {
            connection.start();
        }
        LOG.info("capture started on slot {} (publication {})", settings.slotName(), settings.publicationName());
        return capture;
    }

    /** Streams with a frontier source: captured stream_positions, or the writer's announcements if followed. */
    private static Set<String> releasableStreams(TableRouter router, Set<String> announced) {
        Set<String> out = new HashSet<>(announced);
        for (TableMapper m : router.mappers()) {
            if (m instanceof StreamPositionsMapper positions) {
                out.addAll(positions.streams());
            }
        }
        return out;
    }

    public CaptureMetrics metrics() {
        return metrics;
    }

    /** Completes when the engine stops; exceptionally if it failed. */
    public CompletableFuture<Void> stopped() {
        return stopped;
    }

    @Override
    public void close() {
        if (writerConnection != null) {
            writerConnection.close();
        }
        try {
            engine.close();
        } catch (IOException e) {
            LOG.warn("capture engine did not close cleanly: {}", e.getMessage());
        }
        executor.shutdown();
        try {
            if (!executor.awaitTermination(30, TimeUnit.SECONDS)) {
                executor.shutdownNow();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        publisher.close();
    }
}
