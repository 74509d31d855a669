package io.synapsebridge.connectors.capture;

import java.util.Collection;
import java.util.Properties;
import java.util.TreeSet;
import java.util.stream.Collectors;

/** The Debezium engine's configuration for capturing Synapse's stream tables. */
final class DebeziumProperties {
    private DebeziumProperties() {
    }

    static Properties of(CaptureSettings s, Collection<String> tables) {
        Properties p = new Properties();
        p.setProperty("name", s.topics().prefix() + "-capture");
        p.setProperty("connector.class", "io.debezium.connector.postgresql.PostgresConnector");
        p.setProperty("topic.prefix", s.topics().prefix() + ".capture");

        p.setProperty("database.hostname", s.database().host());
        p.setProperty("database.port", Integer.toString(s.database().port()));
        p.setProperty("database.dbname", s.database().database());
        p.setProperty("database.user", s.database().user());
        if (s.database().password() != null) {
            p.setProperty("database.password", s.database().password());
        }

        p.setProperty("plugin.name", "pgoutput");
        p.setProperty("slot.name", s.slotName());
        p.setProperty("publication.name", s.publicationName());
        // The publication is prepared by PublicationSetup (insert and update only, replica identities fixed).
        p.setProperty("publication.autocreate.mode", "disabled");
        p.setProperty("table.include.list", new TreeSet<>(tables).stream().map(t -> "public." + t)
                .collect(Collectors.joining(",")));
        p.setProperty("skipped.operations", "d,t");
        // Topics hold what happened since capture started; history before it is the database's.
        p.setProperty("snapshot.mode", "no_data");
        p.setProperty("include.schema.changes", "false");
        p.setProperty("tombstones.on.delete", "false");
        // Debezium's context headers on every record cost its thread per change; capture reads no header.
        p.setProperty("extended.headers.enabled", "false");

        // Latency: hand changes on as soon as they arrive.
        p.setProperty("poll.interval.ms", Long.toString(s.pollInterval().toMillis()));
        p.setProperty("max.batch.size", "4096");
        p.setProperty("max.queue.size", "16384");
        p.setProperty("heartbeat.interval.ms", Long.toString(s.heartbeatInterval().toMillis()));
        p.setProperty("heartbeat.action.query", SlotSetup.heartbeatQuery());

        // Source offsets live in Kafka beside the topics; capture acknowledges them itself (CaptureLoop).
        p.setProperty("offset.storage", "org.apache.kafka.connect.storage.KafkaOffsetBackingStore");
        p.setProperty("offset.storage.topic", s.topics().captureOffsets());
        p.setProperty("offset.storage.partitions", "1");
        p.setProperty("offset.storage.replication.factor", Short.toString(s.replicationFactor()));
        p.setProperty("bootstrap.servers", s.bootstrapServers());
        p.setProperty("offset.flush.interval.ms", "1000");
        p.setProperty("offset.flush.timeout.ms", "10000");

        // One ordered stream of changes: the sequencer relies on commit order.
        p.setProperty("record.processing.order", "ORDERED");
        p.setProperty("record.processing.threads", "1");
        p.setProperty("errors.max.retries", "-1");
        return p;
    }
}
