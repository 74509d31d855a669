package io.synapsebridge.cli.config;

import io.synapsebridge.contract.StreamTopics;

/**
 * Where the stream topics live.
 *
 * @param bootstrapServers Kafka's bootstrap servers ({@code host:port,...}); unset under {@code dev}, which starts
 *                         its own broker
 * @param topicPrefix      prefix of every topic the bridge reads or writes
 */
public record KafkaSettings(String bootstrapServers, String topicPrefix) {
    public static final String DEFAULT_TOPIC_PREFIX = "synapse";

    public KafkaSettings {
        topicPrefix = topicPrefix == null ? DEFAULT_TOPIC_PREFIX : topicPrefix;
        try {
            new StreamTopics(topicPrefix);
        } catch (IllegalArgumentException e) {
            throw new ConfigException("kafka.topic_prefix: " + e.getMessage());
        }
        if (bootstrapServers != null && !bootstrapServers.matches("[^\\s,]+:\\d+(,[^\\s,]+:\\d+)*")) {
            throw new ConfigException("kafka.bootstrap_servers: expected host:port[,host:port...], got '"
                    + bootstrapServers + "'");
        }
    }

    public static KafkaSettings defaults() {
        return new KafkaSettings(null, null);
    }

    public StreamTopics topics() {
        return new StreamTopics(topicPrefix);
    }
}
