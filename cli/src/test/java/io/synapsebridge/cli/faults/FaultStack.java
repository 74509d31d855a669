package io.synapsebridge.cli.faults;

import com.zaxxer.hikari.HikariDataSource;
import io.synapsebridge.cli.BridgeCommand;
import io.synapsebridge.cli.dev.SchemaSetup;
import io.synapsebridge.devstack.DataDirectory;
import io.synapsebridge.devstack.EmbeddedPostgresServer;
import io.synapsebridge.devstack.KafkaBrokerProcess;
import io.synapsebridge.devstack.Ports;
import io.synapsebridge.sim.SynapseWriter;
import io.synapsebridge.sim.replication.PositionAnnouncer;
import io.synapsebridge.sim.replication.ReplicationHttpListener;
import java.io.FileOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.awaitility.Awaitility;

/**
 * The bridge as it is deployed, each part a process that can die on its own: Postgres (embedded binaries, its own
 * processes), a Kafka broker in a JVM of its own, {@code capture} and {@code serve} as child JVMs of the real
 * command, each restarted by a supervisor when it exits. Every part keeps its port and its data across restarts. The
 * Synapse-like writer, standing in for Synapse's main process, runs here and is never killed.
 */
final class FaultStack implements AutoCloseable {
    static final String DATABASE = "synapse";
    static final String SERVER_NAME = "faults.local";
    private static final Duration START = Duration.ofSeconds(120);

    private final DataDirectory root = DataDirectory.temporary("skb-faults-");
    private final PrintStream log;
    private final int kafkaPort = Ports.freePort();
    private final int controllerPort = Ports.freePort();
    private final int replicationPort = Ports.freePort();
    private final int httpPort = Ports.freePort();
    private PostgresNode postgres;
    private Supervised kafka;
    private HikariDataSource pool;
    private SynapseWriter writer;
    private PositionAnnouncer announcer;
    private ReplicationHttpListener writerHttp;
    private Supervised capture;
    private Supervised serve;

    private FaultStack(Path logFile) throws IOException {
        Files.createDirectories(logFile.getParent());
        log = new PrintStream(new FileOutputStream(logFile.toFile(), true), true, StandardCharsets.UTF_8);
    }

    /** Starts every part and waits until each says it is up; the parts' output goes to {@code logFile}. */
    static FaultStack start(Path logFile) throws IOException {
        FaultStack stack = new FaultStack(logFile);
        try {
            stack.startAll();
            return stack;
        } catch (RuntimeException e) {
            stack.close();
            throw e;
        }
    }

    private void startAll() {
        postgres = new PostgresNode(root.path(), Ports.freePort());
        postgres.server().createDatabase(DATABASE);
        SchemaSetup.apply(postgres.server(), DATABASE);
        kafka = Supervised.start("kafka", () -> ChildJvm.start("512m", KafkaBrokerProcess.class,
                List.of(Integer.toString(kafkaPort), Integer.toString(controllerPort),
                        root.path().resolve("kafka").toString()), Map.of(), "kafka started on ", log, "kafka"));
        awaitUp(kafka);

        pool = postgres.server().pooledDataSource(DATABASE, 8);
        // A write waits at most a second for a connection while Postgres is down, then is tried again.
        pool.getHikariConfigMXBean().setConnectionTimeout(1000);
        writer = SynapseWriter.start(pool);
        announcer = PositionAnnouncer.start(writer, "127.0.0.1", 0, SERVER_NAME);
        writerHttp = ReplicationHttpListener.start("127.0.0.1", 0, announcer::memoryStreams, null);

        Map<String, String> captureEnv = Map.of(
                "SKB_DATABASE_HOST", "127.0.0.1",
                "SKB_DATABASE_PORT", Integer.toString(postgres.port()),
                "SKB_DATABASE_NAME", DATABASE,
                "SKB_DATABASE_USER", EmbeddedPostgresServer.USER,
                "SKB_WRITER_HOST", announcer.address().getHostString(),
                "SKB_WRITER_PORT", Integer.toString(announcer.address().getPort()),
                "SKB_WRITER_HTTP_PORT", Integer.toString(writerHttp.address().getPort()),
                "SKB_SYNAPSE_SERVER_NAME", SERVER_NAME);
        capture = Supervised.start("capture", () -> ChildJvm.start("512m", BridgeCommand.class,
                List.of("capture", "--bootstrap-servers", bootstrapServers(), "--metrics-port", "0"), captureEnv,
                "capture is up", log, "capture"));
        awaitUp(capture);
        serve = Supervised.start("serve", () -> ChildJvm.start("384m", BridgeCommand.class,
                List.of("serve", "--bootstrap-servers", bootstrapServers(), "--replication-port",
                        Integer.toString(replicationPort), "--http-port", Integer.toString(httpPort),
                        "--metrics-port", "0", "--server-name", SERVER_NAME), Map.of(), "serve is up", log, "serve"));
        awaitUp(serve);
    }

    static void awaitUp(Supervised part) {
        Awaitility.await(part.name() + " up").atMost(START).until(part::up);
    }

    String bootstrapServers() {
        return "127.0.0.1:" + kafkaPort;
    }

    InetSocketAddress replication() {
        return new InetSocketAddress("127.0.0.1", replicationPort);
    }

    InetSocketAddress catchUp() {
        return new InetSocketAddress("127.0.0.1", httpPort);
    }

    PostgresNode postgres() {
        return postgres;
    }

    Supervised kafka() {
        return kafka;
    }

    Supervised capture() {
        return capture;
    }

    Supervised serve() {
        return serve;
    }

    SynapseWriter writer() {
        return writer;
    }

    /** Stops what started, newest first; the data goes with the temporary directory. */
    @Override
    public void close() {
        for (AutoCloseable part : new AutoCloseable[] {serve, capture, writerHttp, announcer, pool, kafka,
                postgres}) {
            if (part != null) {
                try {
                    part.close();
                } catch (Exception e) {
                    log.println("stopping " + part + " failed: " + e);
                }
            }
        }
        root.close();
        log.close();
    }
}
