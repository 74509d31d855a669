package io.synapsebridge.cli.config;

import java.nio.file.Path;

/**
 * The embedded stack of {@code dev}: where its Postgres and Kafka listen and where they keep data.
 *
 * @param postgresPort port of the embedded Postgres on 127.0.0.1 (0: any free port)
 * @param kafkaPort    port of the embedded Kafka broker on 127.0.0.1 (0: any free port)
 * @param dataDir      an existing directory to keep data in across runs; unset: temporary, removed on stop
 */
public record DevSettings(Integer postgresPort, Integer kafkaPort, Path dataDir) {
    public static final int DEFAULT_POSTGRES_PORT = 15432;
    public static final int DEFAULT_KAFKA_PORT = 19092;

    public DevSettings {
        postgresPort = Validate.port("dev.postgres_port", postgresPort, DEFAULT_POSTGRES_PORT);
        kafkaPort = Validate.port("dev.kafka_port", kafkaPort, DEFAULT_KAFKA_PORT);
    }

    public static DevSettings defaults() {
        return new DevSettings(null, null, null);
    }
}
