package io.synapsebridge.cli.run;

import io.prometheus.metrics.instrumentation.jvm.JvmMetrics;
import io.prometheus.metrics.model.registry.PrometheusRegistry;
import io.synapsebridge.adapter.commands.KafkaCommandSink;
import io.synapsebridge.adapter.http.CatchUpServer;
import io.synapsebridge.adapter.http.CatchUpSettings;
import io.synapsebridge.adapter.server.ReplicationServer;
import io.synapsebridge.adapter.server.ServerSettings;
import io.synapsebridge.cli.config.BridgeConfig;
import io.synapsebridge.cli.config.ConfigException;
import io.synapsebridge.cli.config.DatabaseConfig;
import io.synapsebridge.cli.config.HttpConfig;
import io.synapsebridge.cli.config.ReplicationConfig;
import io.synapsebridge.cli.config.SynapseConfig;
import io.synapsebridge.cli.metrics.CaptureCollectors;
import io.synapsebridge.cli.metrics.LagCollectors;
import io.synapsebridge.cli.metrics.MetricsEndpoint;
import io.synapsebridge.cli.metrics.ServerCollectors;
import io.synapsebridge.cli.metrics.SlotLag;
import io.synapsebridge.connectors.capture.Capture;
import io.synapsebridge.connectors.capture.CaptureSettings;
import io.synapsebridge.connectors.frontier.WriterEndpoint;
import io.synapsebridge.connectors.mapping.Mappers;
import io.synapsebridge.contract.StreamTopics;
import io.synapsebridge.protocol.rows.SynapseVersion;
import java.net.InetSocketAddress;

import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The bridge against an existing Postgres and Kafka: capture, the replication server and the catch-up endpoint, or
 * either half, with the metrics endpoint beside them. Starts everything or nothing; stops newest first.
 */
public final class Bridge implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(Bridge.class);

    private final Deque<AutoCloseable> started = new ArrayDeque<>();
    private final PrometheusRegistry registry = new PrometheusRegistry();
    private final CompletableFuture<Void> failed = new CompletableFuture<>();
    private Capture capture;
    private ReplicationServer server;
    private CatchUpServer catchUp;
    private MetricsEndpoint metrics;
    private boolean closed;

    private Bridge() {
    }

    /**
     * Checks the configuration against what {@code part} needs, asks Kafka (and Postgres) whether they answer, then
     * starts.
     *
     * @throws ConfigException  if the configuration cannot run this part
     * @throws StartupException if a service does not answer or a port cannot be bound
     */
    public static Bridge start(BridgeConfig config, Part part, Consumer<String> progress) {
        requireRunnable(config, part);
        Bridge bridge = new Bridge();
        try {
            bridge.startParts(config, part, progress);
            return bridge;
        } catch (RuntimeException e) {
            bridge.close();
            if (e instanceof ConfigException || e instanceof StartupException) {
                throw e;
            }
            throw new StartupException(e.getMessage(), e);
        }
    }

    private static void requireRunnable(BridgeConfig config, Part part) {
        if (config.kafka().bootstrapServers() == null) {
            throw new ConfigException("kafka.bootstrap_servers: required (host:port[,host:port...])");
        }
        if (part.captures() && config.synapse().synapseVersion() != SynapseVersion.V1_66) {
            throw new ConfigException("synapse.version: capture maps Synapse v1.66 tables only, got '"
                    + config.synapse().version() + "'");
        }
    }

    private void startParts(BridgeConfig config, Part part, Consumer<String> progress) {
        String kafka = config.kafka().bootstrapServers();
        StreamTopics topics = config.kafka().topics();
        if (config.metrics().enabled()) {
            // First, so that a taken port fails the start before anything else connects.
            metrics = MetricsEndpoint.start(config.metrics().bindAddress(), config.metrics().port(), registry,
                    this::health);
            started.push(metrics);
            JvmMetrics.builder().register(registry);
        }
        progress.accept("checking kafka at " + kafka + "...");
        Reachability.requireKafka(kafka, config.kafka().connectTimeout());
        if (part.captures()) {
            startCapture(config, kafka, topics, progress);
        }
        if (part.serves()) {
            startServer(config, kafka, topics, progress);
        }
        if (capture != null && server != null) {
            LagCollectors.register(registry, capture.metrics(), server);
        }
        if (metrics != null) {
            progress.accept("metrics on http://" + hostPort(metrics.address()) + "/metrics, health on /health");
        }
    }

    private void startCapture(BridgeConfig config, String kafka, StreamTopics topics, Consumer<String> progress) {
        DatabaseConfig db = config.database();
        progress.accept("checking " + db.describe() + "...");
        Reachability.requireDatabase(db.settings(), db.describe());
        progress.accept("starting capture (slot " + db.slotName() + ", publication " + db.publicationName()
                + ")...");
        CaptureSettings defaults = CaptureSettings.defaults(db.settings(), kafka, topics);
        CaptureSettings settings = new CaptureSettings(db.settings(), db.slotName(), db.publicationName(), kafka,
                topics, (short) (int) config.kafka().replicationFactor(), Duration.ofMillis(db.pollIntervalMs()),
                defaults.heartbeatInterval());
        WriterEndpoint writer = config.writer().enabled()
                ? new WriterEndpoint(config.writer().host(), config.writer().port(), config.synapse().serverName(),
                        "synapse-kafka-bridge-capture", config.writer().httpPort() == null ? 0
                                : config.writer().httpPort(), config.writer().secret())
                : null;
        if (writer == null) {
            LOG.warn("no writer configured: push_rules, pushers, device_lists, user_signature and caches are not"
                    + " published (set writer.host)");
        }
        capture = Capture.start(settings, Mappers.v1_66(), Mappers.STREAMS_V1_66, writer,
                writer == null ? java.util.Set.of() : Mappers.ANNOUNCED_V1_66);
        started.push(capture);
        capture.stopped().whenComplete((ok, error) -> {
            if (error != null) {
                failed.completeExceptionally(error);
            }
        });
        if (metrics != null) {
            CaptureCollectors.register(registry, capture.metrics(), new SlotLag(db.settings(), db.slotName()));
        }
        progress.accept("capture running" + (writer == null ? "" : ", following the writer at "
                + writer.host() + ":" + writer.port()));
    }

    private void startServer(BridgeConfig config, String kafka, StreamTopics topics, Consumer<String> progress) {
        SynapseConfig synapse = config.synapse();
        ReplicationConfig rc = config.replication();
        CommandsTopic.ensure(kafka, topics, (short) (int) config.kafka().replicationFactor());
        progress.accept("reading the stream topics...");
        ServerSettings defaults = ServerSettings.defaults(synapse.serverName());
        ServerSettings settings = new ServerSettings(rc.bindAddress(), rc.port(), synapse.serverName(),
                synapse.lineDialect(), synapse.synapseVersion(), synapse.sendFederation(), rc.maxPendingCommands(),
                rc.maxConnections(), defaults.pingInterval(), defaults.pingTimeout(), rc.tls().certFile(),
                rc.tls().keyFile());
        server = ReplicationServer.start(settings, kafka, topics, new KafkaCommandSink(kafka, topics));
        started.push(server);
        progress.accept("replication listening on " + hostPort(server.address()) + (settings.tls() ? " (TLS)" : "")
                + ", server_name " + synapse.serverName());
        HttpConfig http = config.http();
        CatchUpSettings d = CatchUpSettings.defaults();
        catchUp = CatchUpServer.start(new CatchUpSettings(http.bindAddress(), http.port(), synapse.instanceName(),
                http.secret(), d.rowLimit(), d.readers(), d.maxQueuedRequests(), d.readTimeout()), kafka, topics,
                synapse.synapseVersion());
        started.push(catchUp);
        progress.accept("catch-up listening on http://" + hostPort(catchUp.address())
                + (http.secret() == null ? " (no secret)" : " (Bearer secret required)"));
        if (metrics != null) {
            ServerCollectors.register(registry, server);
        }
    }

    private static String hostPort(InetSocketAddress a) {
        return a.getHostString() + ":" + a.getPort();
    }

    /** Empty while every part runs; otherwise what stopped. */
    public Optional<String> health() {
        if (closed) {
            return Optional.of("stopping");
        }
        if (capture != null && capture.stopped().isDone()) {
            return Optional.of("capture stopped");
        }
        return Optional.empty();
    }

    /** Completes exceptionally when a part stops on its own (capture's engine failing). */
    public CompletableFuture<Void> failure() {
        return failed;
    }

    public Optional<ReplicationServer> server() {
        return Optional.ofNullable(server);
    }

    public Optional<CatchUpServer> catchUp() {
        return Optional.ofNullable(catchUp);
    }

    public Optional<Capture> capture() {
        return Optional.ofNullable(capture);
    }

    public Optional<InetSocketAddress> metricsAddress() {
        return Optional.ofNullable(metrics).map(MetricsEndpoint::address);
    }

    public PrometheusRegistry registry() {
        return registry;
    }

    /** Stops what was started, newest first; idempotent (the shutdown hook and a failure may both call it). */
    @Override
    public synchronized void close() {
        if (closed) {
            return;
        }
        closed = true;
        while (!started.isEmpty()) {
            try {
                started.pop().close();
            } catch (Exception e) {
                LOG.warn("stop failed: {}", e.getMessage());
            }
        }
    }

}
