package io.synapsebridge.devstack;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class EmbeddedServicesTest {

    @Test
    void kafkaBrokerProducesAndConsumes() throws Exception {
        try (EmbeddedKafkaBroker kafka = EmbeddedKafkaBroker.start(0)) {
            Map<String, Object> common = Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, kafka.bootstrapServers());
            try (Admin admin = Admin.create(common)) {
                admin.createTopics(List.of(new NewTopic("probe", 1, (short) 1))).all().get();
            }
            try (var producer = new KafkaProducer<>(Map.<String, Object>of(
                    ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, kafka.bootstrapServers(),
                    ProducerConfig.ACKS_CONFIG, "all"), new StringSerializer(), new StringSerializer())) {
                producer.send(new ProducerRecord<>("probe", "master", "hello")).get();
            }
            try (var consumer = new KafkaConsumer<>(Map.<String, Object>of(
                    ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, kafka.bootstrapServers(),
                    ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest"), new StringDeserializer(),
                    new StringDeserializer())) {
                TopicPartition tp = new TopicPartition("probe", 0);
                consumer.assign(Set.of(tp));
                consumer.seekToBeginning(Set.of(tp));
                List<ConsumerRecord<String, String>> got = new ArrayList<>();
                long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
                while (got.isEmpty() && System.nanoTime() < deadline) {
                    consumer.poll(Duration.ofMillis(200)).forEach(got::add);
                }
                assertThat(got).singleElement().satisfies(r -> {
                    assertThat(r.key()).isEqualTo("master");
                    assertThat(r.value()).isEqualTo("hello");
                });
            }
        }
    }

    @Test
    void postgresDecodesInsertedRowIntoAReplicationSlot() throws Exception {
        try (EmbeddedPostgresServer pg = EmbeddedPostgresServer.start(0)) {
            pg.createDatabase("synapse");
            try (Connection c = pg.dataSource("synapse").getConnection(); Statement s = c.createStatement()) {
                assertThat(setting(s, "wal_level")).isEqualTo("logical");
                assertThat(setting(s, "synchronous_commit")).isEqualTo("on");
                s.execute("CREATE TABLE probe (id BIGINT, body TEXT)");
                s.execute("SELECT pg_create_logical_replication_slot('probe_slot', 'test_decoding')");
                s.execute("INSERT INTO probe VALUES (42, 'hello')");
                List<String> changes = new ArrayList<>();
                try (ResultSet rs = s.executeQuery(
                        "SELECT data FROM pg_logical_slot_get_changes('probe_slot', NULL, NULL)")) {
                    while (rs.next()) {
                        changes.add(rs.getString(1));
                    }
                }
                assertThat(changes).anySatisfy(change -> assertThat(change)
                        .contains("table public.probe: INSERT:")
                        .contains("id[bigint]:42")
                        .contains("body[text]:'hello'"));
            }
        }
    }

    @Test
    void temporaryDataDirectoriesAreRemovedOnClose() {
        Path kafkaDir;
        try (EmbeddedKafkaBroker kafka = EmbeddedKafkaBroker.start(0)) {
            kafkaDir = kafka.dataDirectory();
            assertThat(kafkaDir).isDirectory();
        }
        assertThat(kafkaDir).doesNotExist();
    }

    @Test
    void keptDataDirectoryMustExistAndStays(@TempDir Path root) throws Exception {
        Path missing = root.resolve("missing");
        assertThatThrownBy(() -> DataDirectory.kept(missing, "kafka"))
                .isInstanceOf(DevStackException.class)
                .hasMessage("data directory " + missing + " does not exist (create it first)");

        try (DataDirectory kept = DataDirectory.kept(root, "kafka")) {
            Files.writeString(kept.path().resolve("marker"), "x", StandardCharsets.UTF_8);
        }
        assertThat(root.resolve("kafka").resolve("marker")).exists();
    }

    @Test
    void takenPortIsNamedInOneLineAndLeavesNoDataBehind(@TempDir Path root) throws Exception {
        try (ServerSocket taken = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            int port = taken.getLocalPort();
            DataDirectory kafkaDir = DataDirectory.temporary("skb-test-kafka-");
            assertThatThrownBy(() -> EmbeddedKafkaBroker.start(port, kafkaDir))
                    .isInstanceOf(DevStackException.class)
                    .hasMessage("kafka port " + port + " is already in use on 127.0.0.1");
            assertThat(kafkaDir.path()).doesNotExist();
            DataDirectory pgDir = DataDirectory.temporary("skb-test-postgres-");
            assertThatThrownBy(() -> EmbeddedPostgresServer.start(port, pgDir))
                    .isInstanceOf(DevStackException.class)
                    .hasMessage("postgres port " + port + " is already in use on 127.0.0.1");
            assertThat(pgDir.path()).doesNotExist();
        }
    }

    private static String setting(Statement s, String name) throws Exception {
        try (ResultSet rs = s.executeQuery("SHOW " + name)) {
            rs.next();
            return rs.getString(1);
        }
    }
}
