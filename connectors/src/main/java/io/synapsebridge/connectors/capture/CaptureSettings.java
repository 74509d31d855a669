package io.synapsebridge.connectors.capture;

import io.synapsebridge.contract.StreamTopics;
import java.time.Duration;
import java.util.Objects;

/**
 * Everything capture needs to run.
 *
 * @param database          Synapse's database
 * @param slotName          logical replication slot (created if missing)
 * @param publicationName   publication over the stream tables (created if missing)
 * @param bootstrapServers  Kafka
 * @param topics            topic names
 * @param replicationFactor of the topics capture creates
 * @param pollInterval      how long capture waits for more changes before handing a batch on; short for latency:
 *                          a change can wait up to two of them (Debezium's reader sleeps one when the stream is
 *                          idle, its queue hands a batch on after one), and shorter wakes both threads more often
 * @param heartbeatInterval how often capture writes a heartbeat row, so that an idle database does not hold WAL
 *                          back and capture moves past the WAL fence of the writer's announcements
 */
public record CaptureSettings(DatabaseSettings database, String slotName, String publicationName,
        String bootstrapServers, StreamTopics topics, short replicationFactor, Duration pollInterval,
        Duration heartbeatInterval) {

    public CaptureSettings {
        Objects.requireNonNull(database, "database");
        requireIdentifier("slot name", slotName);
        requireIdentifier("publication name", publicationName);
        Objects.requireNonNull(bootstrapServers, "bootstrapServers");
        Objects.requireNonNull(topics, "topics");
    }

    public static CaptureSettings defaults(DatabaseSettings database, String bootstrapServers, StreamTopics topics) {
        return new CaptureSettings(database, "synapse_bridge", "synapse_bridge", bootstrapServers, topics, (short) 1,
                Duration.ofMillis(5), Duration.ofMillis(250));
    }

    static void requireIdentifier(String what, String name) {
        if (name == null || !name.matches("[a-z_][a-z0-9_]{0,62}")) {
            throw new IllegalArgumentException(what + " must be a lower-case SQL identifier, got '" + name + "'");
        }
    }
}
