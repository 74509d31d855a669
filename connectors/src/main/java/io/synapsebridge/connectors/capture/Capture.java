package io.synapsebridge.connectors.capture;

import io.debezium.embedded.Connect;
import io.debezium.engine.DebeziumEngine;
import io.debezium.engine.RecordChangeEvent;
import io.debezium.engine.format.ChangeEventFormat;
import io.synapsebridge.connectors.frontier.AnnouncementFence;
import io.synapsebridge.connectors.frontier.HorizonFence;
import io.synapsebridge.connectors.frontier.HorizonFollower;
import io.synapsebridge.connectors.frontier.PostgresHorizonProbe;
import io.synapsebridge.connectors.frontier.WriterConnection;
import io.synapsebridge.connectors.frontier.WriterEndpoint;
import io.synapsebridge.connectors.mapping.CachesMapper;
import io.synapsebridge.connectors.mapping.StreamPositionsMapper;
import io.synapsebridge.connectors.mapping.TableMapper;
import io.synapsebridge.connectors.mapping.TableRouter;
import io.synapsebridge.connectors.memory.MemoryRows;
import io.synapsebridge.connectors.memory.MemoryStreamCapture;
import io.synapsebridge.connectors.memory.WriterCatchUp;
import io.synapsebridge.connectors.publish.CaptureCheckpoint;
import io.synapsebridge.connectors.publish.CheckpointReader;
import io.synapsebridge.connectors.publish.LastRecords;
import io.synapsebridge.connectors.publish.PublishPipeline;
import io.synapsebridge.connectors.publish.Release;
import io.synapsebridge.connectors.publish.StreamPublisher;
import io.synapsebridge.connectors.publish.TopicSetup;
import io.synapsebridge.connectors.sequencing.Publication;
import io.synapsebridge.connectors.sequencing.Sequencer;
import io.synapsebridge.contract.StreamRecord;
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
    /** How often the caches horizon reads the sequence; an unchanged sequence costs one small read. */
    private static final Duration HORIZON_INTERVAL = Duration.ofMillis(10);
    /** Records read back from each in-memory stream's topic to find its writers' last tokens: it has one writer. */
    private static final int MEMORY_STREAM_TAIL = 100;

    private final DebeziumEngine<RecordChangeEvent<SourceRecord>> engine;
    private final ExecutorService executor;
    private final StreamPublisher publisher;
    private final PublishPipeline pipeline;
    private final CaptureMetrics metrics;
    private final CompletableFuture<Void> stopped = new CompletableFuture<>();
    private final WriterConnection writerConnection;
    private final HorizonFollower cachesHorizon;

    private Capture(CaptureSettings settings, TableRouter router, Sequencer sequencer, CaptureMetrics metrics,
            AnnouncementFence fence, Set<String> announcedStreams, WriterEndpoint writer,
            Set<String> memoryStreamNames, List<StreamRecord> memoryRestored, HorizonFence horizons,
            HorizonFollower cachesHorizon) {
        this.metrics = metrics;
        this.cachesHorizon = cachesHorizon;
        this.publisher = new StreamPublisher(settings.bootstrapServers(), settings.topics(),
                settings.topics().prefix() + "-capture");
        this.pipeline = new PublishPipeline(publisher, metrics::published);
        WriterCatchUp catchUp = writer == null || writer.httpPort() == 0 ? null
                : new WriterCatchUp(writer.host(), writer.httpPort(), writer.secret());
        MemoryStreamCapture memoryStreams = new MemoryStreamCapture(memoryStreamNames, memoryRestored, catchUp,
                this::publishMemoryRecords, metrics);
        this.writerConnection = writer == null ? null
                : new WriterConnection(writer, settings.database(), fence, memoryStreams);
        Set<String> tables = new HashSet<>(router.tables());
        tables.add(SlotSetup.HEARTBEAT_TABLE);
        this.engine = DebeziumEngine.create(ChangeEventFormat.of(Connect.class))
                .using(DebeziumProperties.of(settings, tables))
                .notifying(new CaptureLoop(router, sequencer, pipeline, metrics, fence, announcedStreams, horizons,
                        releasableStreams(router, writerConnection != null ? announcedStreams : Set.of(),
                                cachesHorizon != null)))
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

    /**
     * Capture without a connection to the writer: frontiers come from captured {@code stream_positions} and, for
     * caches, from the snapshot horizon.
     */
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
        boolean cachesHorizon;
        try (Connection c = settings.database().connect()) {
            SlotSetup.ensureHeartbeatTable(c);
            PublicationSetup.ensure(c, settings.publicationName(), tables);
            SlotSetup.ensure(c, settings.slotName());
            cachesHorizon = streams.contains(CachesMapper.STREAM) && router.mapperOf(CachesMapper.TABLE) != null
                    && horizonHolds(c);
        } catch (SQLException e) {
            throw new IllegalStateException("cannot prepare " + settings.database().jdbcUrl() + " for capture: "
                    + e.getMessage(), e);
        }
        CaptureCheckpoint checkpoint = CheckpointReader.read(settings.bootstrapServers(), settings.topics(),
                Duration.ofSeconds(30));
        Sequencer sequencer = new Sequencer();
        sequencer.restore(checkpoint.published(), checkpoint.capturedUpTo());
        AnnouncementFence fence = new AnnouncementFence();
        // The in-memory streams come only from the writer's connection.
        Set<String> memoryStreams = new HashSet<>();
        if (writer != null) {
            streams.stream().filter(MemoryRows.streams()::contains).forEach(memoryStreams::add);
        }
        List<StreamRecord> memoryRestored = memoryStreams.isEmpty() ? List.of()
                : LastRecords.read(settings.bootstrapServers(), settings.topics(), memoryStreams, MEMORY_STREAM_TAIL,
                        Duration.ofSeconds(30));
        HorizonFence horizons = new HorizonFence();
        HorizonFollower follower = cachesHorizon ? new HorizonFollower(CachesMapper.STREAM, CachesMapper.SEQUENCE,
                settings.database(), horizons, HORIZON_INTERVAL) : null;
        Capture capture = new Capture(settings, router, sequencer, new CaptureMetrics(), fence, announcedStreams,
                writer, memoryStreams, memoryRestored, horizons, follower);
        capture.executor.execute(capture.engine);
        if (capture.writerConnection != null) {
            capture.writerConnection.start();
        }
        if (follower != null) {
            follower.start();
        }
        LOG.info("capture started on slot {} (publication {})", settings.slotName(), settings.publicationName());
        return capture;
    }

    /** Whether the caches sequence allows a snapshot horizon; if not, caches needs the writer's announcements. */
    private static boolean horizonHolds(Connection c) throws SQLException {
        try {
            PostgresHorizonProbe.of(c, CachesMapper.SEQUENCE);
            return true;
        } catch (IllegalStateException e) {
            LOG.warn("caches has no snapshot horizon: {}", e.getMessage());
            return false;
        }
    }

    /**
     * Streams with a frontier source: captured stream_positions, the writer's announcements if followed, and caches
     * if its snapshot horizon is followed.
     */
    private static Set<String> releasableStreams(TableRouter router, Set<String> announced, boolean cachesHorizon) {
        Set<String> out = new HashSet<>(announced);
        if (cachesHorizon) {
            out.add(CachesMapper.STREAM);
        }
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

    /** The in-memory streams' records go to Kafka in the order the writer announced them, with no checkpoint. */
    private void publishMemoryRecords(List<StreamRecord> records) throws InterruptedException {
        pipeline.submit(new Release(records.stream().map(r -> new Publication(r, null)).toList(), List.of(), null,
                null));
    }

    /** Rounds the caches snapshot horizon has completed (0 when it is not followed). */
    public long cachesHorizonRounds() {
        return cachesHorizon == null ? 0 : cachesHorizon.rounds();
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
        if (cachesHorizon != null) {
            cachesHorizon.close();
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
        pipeline.close();
        publisher.close();
    }
}
