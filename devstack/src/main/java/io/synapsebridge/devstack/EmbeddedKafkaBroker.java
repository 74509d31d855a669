package io.synapsebridge.devstack;

import java.util.List;
import java.util.Optional;
import java.util.Properties;
import kafka.server.KafkaConfig;
import kafka.server.KafkaRaftServer;
import org.apache.kafka.common.Uuid;
import org.apache.kafka.common.utils.Time;
import org.apache.kafka.metadata.storage.Formatter;
import org.apache.kafka.server.common.MetadataVersion;

/**
 * A real single-node Kafka (KRaft, combined broker and controller) running in this JVM, on loopback, with its
 * storage formatted from code: no Docker and no tarball.
 */
public final class EmbeddedKafkaBroker implements AutoCloseable {
    private static final String CONTROLLER = "CONTROLLER";

    private final KafkaRaftServer server;
    private final DataDirectory dataDirectory;
    private final int port;

    private EmbeddedKafkaBroker(KafkaRaftServer server, DataDirectory dataDirectory, int port) {
        this.server = server;
        this.dataDirectory = dataDirectory;
        this.port = port;
    }

    /** Starts on {@code port} (0: any free port) with a temporary log directory. */
    public static EmbeddedKafkaBroker start(int port) {
        return start(port, DataDirectory.temporary("skb-kafka-"));
    }

    public static EmbeddedKafkaBroker start(int port, DataDirectory dataDirectory) {
        return start(port, 0, dataDirectory);
    }

    /**
     * Starts on {@code port} with its controller on {@code controllerPort} (0 for either: any free port). A broker
     * restarted on a kept data directory needs both ports it had before: clients know the one, the quorum the other.
     */
    public static EmbeddedKafkaBroker start(int port, int controllerPort, DataDirectory dataDirectory) {
        int brokerPort;
        int quorumPort;
        try {
            brokerPort = Ports.requireFree("kafka", port);
            quorumPort = Ports.requireFree("kafka controller", controllerPort);
        } catch (DevStackException e) {
            dataDirectory.close();
            throw e;
        }
        String logDir = dataDirectory.path().toString();
        Properties props = config(brokerPort, quorumPort, logDir);
        try {
            if (!dataDirectory.path().resolve("meta.properties").toFile().exists()) {
                new Formatter()
                        .setPrintStream(new java.io.PrintStream(java.io.OutputStream.nullOutputStream()))
                        .setNodeId(1)
                        .setClusterId(Uuid.randomUuid().toString())
                        .setDirectories(List.of(logDir))
                        .setMetadataLogDirectory(Optional.of(logDir))
                        .setControllerListenerName(CONTROLLER)
                        .setReleaseVersion(MetadataVersion.LATEST_PRODUCTION)
                        .run();
            }
            KafkaRaftServer server = new KafkaRaftServer(new KafkaConfig(props), Time.SYSTEM);
            server.startup();
            return new EmbeddedKafkaBroker(server, dataDirectory, brokerPort);
        } catch (Exception e) {
            dataDirectory.close();
            throw new DevStackException("kafka did not start on port " + brokerPort + ": "
                    + EmbeddedPostgresServer.rootMessage(e), e);
        }
    }

    private static Properties config(int brokerPort, int controllerPort, String logDir) {
        Properties p = new Properties();
        p.put("process.roles", "broker,controller");
        p.put("node.id", "1");
        p.put("controller.quorum.voters", "1@127.0.0.1:" + controllerPort);
        p.put("listeners", "PLAINTEXT://127.0.0.1:" + brokerPort + ",CONTROLLER://127.0.0.1:" + controllerPort);
        p.put("advertised.listeners", "PLAINTEXT://127.0.0.1:" + brokerPort);
        p.put("controller.listener.names", CONTROLLER);
        p.put("inter.broker.listener.name", "PLAINTEXT");
        p.put("listener.security.protocol.map", "CONTROLLER:PLAINTEXT,PLAINTEXT:PLAINTEXT");
        p.put("log.dirs", logDir);
        p.put("num.partitions", "1");
        p.put("offsets.topic.replication.factor", "1");
        p.put("offsets.topic.num.partitions", "1");
        p.put("transaction.state.log.replication.factor", "1");
        p.put("transaction.state.log.min.isr", "1");
        p.put("transaction.state.log.num.partitions", "1");
        p.put("share.coordinator.state.topic.replication.factor", "1");
        p.put("share.coordinator.state.topic.min.isr", "1");
        p.put("group.initial.rebalance.delay.ms", "0");
        // Stream topics are the system of record for resume: keep them unless an operator says otherwise.
        p.put("log.retention.ms", "-1");
        p.put("auto.create.topics.enable", "false");
        return p;
    }

    public String bootstrapServers() {
        return "127.0.0.1:" + port;
    }

    public int port() {
        return port;
    }

    public java.nio.file.Path dataDirectory() {
        return dataDirectory.path();
    }

    @Override
    public void close() {
        try {
            server.shutdown();
            server.awaitShutdown();
        } finally {
            dataDirectory.close();
        }
    }
}
