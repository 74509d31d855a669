package io.synapsebridge.cli.config;

import java.nio.file.Path;

/**
 * The embedded stack of {@code dev}.
 *
 * @param postgresPort    port of the embedded Postgres on 127.0.0.1 (0: any free port)
 * @param kafkaPort       port of the embedded Kafka broker on 127.0.0.1 (0: any free port)
 * @param replicationPort port of the replication server on 127.0.0.1 (0: any free port)
 * @param httpPort        port of the HTTP catch-up endpoint on 127.0.0.1 (0: any free port)
 * @param dataDir         an existing directory to keep data in across runs; unset: temporary, removed on stop
 * @param serverName      the {@code server_name} the stack presents to workers
 * @param writerRate      writes per second of the Synapse-like writer (0: it only writes when asked)
 */
public record DevSettings(Integer postgresPort, Integer kafkaPort, Integer replicationPort, Integer httpPort,
        Path dataDir,
        String serverName, Double writerRate) {
    public static final int DEFAULT_POSTGRES_PORT = 15432;
    public static final int DEFAULT_KAFKA_PORT = 19092;
    public static final int DEFAULT_REPLICATION_PORT = 9092;
    public static final int DEFAULT_HTTP_PORT = 9093;
    public static final String DEFAULT_SERVER_NAME = "dev.local";

    public DevSettings {
        postgresPort = Validate.port("dev.postgres_port", postgresPort, DEFAULT_POSTGRES_PORT);
        kafkaPort = Validate.port("dev.kafka_port", kafkaPort, DEFAULT_KAFKA_PORT);
        replicationPort = Validate.port("dev.replication_port", replicationPort, DEFAULT_REPLICATION_PORT);
        httpPort = Validate.port("dev.http_port", httpPort, DEFAULT_HTTP_PORT);
        serverName = serverName == null ? DEFAULT_SERVER_NAME : Validate.word("dev.server_name", serverName);
        writerRate = writerRate == null ? 0.0 : writerRate;
        if (writerRate < 0 || writerRate > 100_000 || writerRate.isNaN()) {
            throw new ConfigException("dev.writer_rate: expected 0 to 100000 writes per second, got " + writerRate);
        }
    }

    public static DevSettings defaults() {
        return new DevSettings(null, null, null, null, null, null, null);
    }
}
