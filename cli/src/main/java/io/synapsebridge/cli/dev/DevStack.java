package io.synapsebridge.cli.dev;

import io.synapsebridge.adapter.commands.KafkaCommandSink;
import io.synapsebridge.adapter.http.CatchUpServer;
import io.synapsebridge.adapter.http.CatchUpSettings;
import io.synapsebridge.adapter.server.ReplicationServer;
import io.synapsebridge.adapter.server.ServerSettings;
import io.synapsebridge.cli.config.DevSettings;
import io.synapsebridge.cli.config.KafkaSettings;
import io.synapsebridge.cli.run.CommandsTopic;
import io.synapsebridge.connectors.capture.Capture;
import io.synapsebridge.connectors.capture.CaptureSettings;
import io.synapsebridge.connectors.capture.DatabaseSettings;
import io.synapsebridge.connectors.frontier.WriterEndpoint;
import io.synapsebridge.connectors.mapping.Mappers;
import io.synapsebridge.devstack.DataDirectory;
import io.synapsebridge.devstack.DevStackException;
import io.synapsebridge.devstack.EmbeddedKafkaBroker;
import io.synapsebridge.devstack.EmbeddedPostgresServer;
import io.synapsebridge.devstack.Ports;
import io.synapsebridge.sim.SynapseWriter;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.function.Consumer;

/**
 * The whole bridge on one machine: Postgres with Synapse's schema and Kafka, started side by side; the Synapse-like
 * writer standing in for Synapse's main process; capture; the replication server. Stopped in reverse order.
 */
public final class DevStack implements AutoCloseable {
    public static final String DATABASE = "synapse";

    private final Deque<AutoCloseable> started = new ArrayDeque<>();
    private EmbeddedPostgresServer postgres;
    private EmbeddedKafkaBroker kafka;
    private DevWriter writer;
    private ReplicationServer server;
    private CatchUpServer catchUp;
    private KafkaSettings kafkaSettings;
    private DevSettings dev;

    private DevStack() {
    }

    /** Starts everything or nothing: on a failure whatever did start is stopped again. */
    public static DevStack start(DevSettings dev, KafkaSettings kafkaSettings, Consumer<String> progress) {
        DevStack stack = new DevStack();
        stack.kafkaSettings = kafkaSettings;
        stack.dev = dev;
        try {
            // Fail on a taken port before spending seconds on the services.
            if (dev.replicationPort() != 0) {
                Ports.requireFree("replication", dev.replicationPort());
            }
            if (dev.httpPort() != 0) {
                Ports.requireFree("http", dev.httpPort());
            }
            stack.startServices(dev, progress);
            stack.startBridge(dev, progress);
            return stack;
        } catch (RuntimeException e) {
            stack.close();
            throw e;
        }
    }

    private void startServices(DevSettings dev, Consumer<String> progress) {
        progress.accept("starting postgres and kafka...");
        CompletableFuture<EmbeddedPostgresServer> pg = CompletableFuture.supplyAsync(() -> {
            EmbeddedPostgresServer server = EmbeddedPostgresServer.start(dev.postgresPort(), dataDir(dev, "postgres"));
            server.createDatabase(DATABASE);
            SchemaSetup.apply(server, DATABASE);
            return server;
        });
        CompletableFuture<EmbeddedKafkaBroker> broker = CompletableFuture.supplyAsync(
                () -> EmbeddedKafkaBroker.start(dev.kafkaPort(), dataDir(dev, "kafka")));
        postgres = join(pg);
        if (postgres != null) {
            started.push(postgres);
        }
        kafka = join(broker);
        if (kafka != null) {
            started.push(kafka);
        }
        rethrowFirstFailure(pg, broker);
    }

    private void startBridge(DevSettings dev, Consumer<String> progress) {
        progress.accept("starting the writer, capture and the replication server...");
        writer = DevWriter.start(postgres, DATABASE, dev.serverName(), dev.writerRate());
        started.push(writer);

        CaptureSettings capture = CaptureSettings.defaults(
                new DatabaseSettings("127.0.0.1", postgres.port(), DATABASE, EmbeddedPostgresServer.USER, null),
                kafka.bootstrapServers(), kafkaSettings.topics());
        WriterEndpoint endpoint = new WriterEndpoint(writer.address().getHostString(), writer.address().getPort(),
                dev.serverName(), "synapse-kafka-bridge-capture", writer.httpPort(), null);
        started.push(Capture.start(capture, Mappers.v1_66(), Mappers.STREAMS_V1_66, endpoint,
                Mappers.ANNOUNCED_V1_66));

        CommandsTopic.ensure(kafka.bootstrapServers(), kafkaSettings.topics(), (short) 1);
        ServerSettings serverSettings = ServerSettings.defaults(dev.serverName()).withPort(dev.replicationPort());
        server = ReplicationServer.start(serverSettings, kafka.bootstrapServers(), kafkaSettings.topics(),
                new KafkaCommandSink(kafka.bootstrapServers(), kafkaSettings.topics()));
        started.push(server);
        catchUp = CatchUpServer.start(CatchUpSettings.defaults().withPort(dev.httpPort()), kafka.bootstrapServers(),
                kafkaSettings.topics(), serverSettings.version());
        started.push(catchUp);
        writer.startLoad();
    }

    private static DataDirectory dataDir(DevSettings dev, String child) {
        return dev.dataDir() == null ? DataDirectory.temporary("skb-" + child + "-")
                : DataDirectory.kept(dev.dataDir(), child);
    }

    private static <T> T join(CompletableFuture<T> future) {
        try {
            return future.join();
        } catch (CompletionException e) {
            return null;
        }
    }

    private static void rethrowFirstFailure(CompletableFuture<?>... futures) {
        for (CompletableFuture<?> f : futures) {
            if (f.isCompletedExceptionally()) {
                try {
                    f.join();
                } catch (CompletionException e) {
                    if (e.getCause() instanceof RuntimeException r) {
                        throw r;
                    }
                    throw new DevStackException(String.valueOf(e.getCause()), e.getCause());
                }
            }
        }
    }

    public EmbeddedPostgresServer postgres() {
        return postgres;
    }

    public EmbeddedKafkaBroker kafka() {
        return kafka;
    }

    public ReplicationServer server() {
        return server;
    }

    /** The Synapse-like writer standing in for Synapse's main process. */
    public SynapseWriter writer() {
        return writer.writer();
    }

    /** Where to connect, one service per line. */
    public String describe() {
        var replication = server.address();
        return String.join(System.lineSeparator(),
                "  postgres     " + postgres.jdbcUrl(DATABASE) + "  (Synapse v1.66 schema, wal_level=logical)",
                "  kafka        " + kafka.bootstrapServers() + "  (topics " + kafkaSettings.topicPrefix()
                        + ".stream.<stream>)",
                "  replication  " + replication.getHostString() + ":" + replication.getPort() + "  (server_name "
                        + dev.serverName() + "; try: printf 'NAME me\\nREPLICATE\\n' | nc "
                        + replication.getHostString() + " " + replication.getPort() + ")",
                "  catch-up     http://" + catchUp.address().getHostString() + ":" + catchUp.address().getPort()
                        + "/_synapse/replication/get_repl_stream_updates/<stream>/<txn>?from_token=&upto_token=",
                "  writer       Synapse-like main process, " + (dev.writerRate() > 0
                        ? dev.writerRate() + " writes/s" : "idle (--writer-rate N for load)")
                        + ", announcing on " + writer.address().getHostString() + ":" + writer.address().getPort(),
                "  data         " + (postgres.keepsData() ? "kept in " : "temporary, removed on stop: ")
                        + postgres.dataDirectory() + " " + kafka.dataDirectory());
    }

    /** Stops what was started, newest first; a failure to stop one service does not leave the others running. */
    @Override
    public void close() {
        RuntimeException failure = null;
        while (!started.isEmpty()) {
            try {
                started.pop().close();
            } catch (Exception e) {
                failure = failure == null ? new DevStackException("stop failed: " + e.getMessage(), e) : failure;
            }
        }
        if (failure != null) {
            throw failure;
        }
    }
}
