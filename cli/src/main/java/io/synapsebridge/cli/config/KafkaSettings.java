package io.synapsebridge.cli.config;

import io.synapsebridge.contract.StreamTopics;
import java.time.Duration;

/**
 * Where the stream topics live.
 *
 * @param bootstrapServers  Kafka's bootstrap servers ({@code host:port,...}); unused under {@code dev}, which starts
 *                          its own broker
 * @param topicPrefix       prefix of every topic the bridge reads or writes
 * @param replicationFactor of the topics capture creates
 * @param connectTimeoutMs  how long the start waits for Kafka to answer before giving up
 */
public record KafkaSettings(String bootstrapServers, String topicPrefix, Integer replicationFactor,
        Integer connectTimeoutMs) {
    public static final String DEFAULT_TOPIC_PREFIX = "synapse";
    public static final String DEFAULT_BOOTSTRAP_SERVERS = "127.0.0.1:9092";

    public KafkaSettings {
        topicPrefix = topicPrefix == null ? DEFAULT_TOPIC_PREFIX : topicPrefix;
        try {
            new StreamTopics(topicPrefix);
        } catch (IllegalArgumentException e) {
            throw new ConfigException("kafka.topic_prefix: " + e.getMessage());
        }
        if (bootstrapServers != null && !bootstrapServers.matches("[^\\s,:]+:\\d{1,5}(,[^\\s,:]+:\\d{1,5})*")) {
            throw new ConfigException("kafka.bootstrap_servers: expected host:port[,host:port...], got '"
                    + bootstrapServers + "'");
        }
        replicationFactor = Validate.range("kafka.replication_factor", replicationFactor, 1, 1, Short.MAX_VALUE);
        connectTimeoutMs = Validate.range("kafka.connect_timeout_ms", connectTimeoutMs, 15_000, 100, 600_000);
    }

    public static KafkaSettings defaults() {
        return new KafkaSettings(null, null, null, null);
    }

    public StreamTopics topics() {
        return new StreamTopics(topicPrefix);
    }

    /** The bootstrap servers, or the default for a broker on this machine. */
    public String bootstrapServersOrDefault() {
        return bootstrapServers == null ? DEFAULT_BOOTSTRAP_SERVERS : bootstrapServers;
    }

    public Duration connectTimeout() {
        return Duration.ofMillis(connectTimeoutMs);
    }
}
