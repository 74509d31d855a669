package io.synapsebridge.cli.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ConfigLoaderTest {
    @TempDir
    Path dir;

    private Path write(String yaml) throws Exception {
        Path f = dir.resolve("bridge.yaml");
        Files.writeString(f, yaml);
        return f;
    }

    @Test
    void missingFileIsNamed() {
        Path f = dir.resolve("nope.yaml");
        assertThatThrownBy(() -> new ConfigLoader().load(f))
                .isInstanceOf(ConfigException.class)
                .hasMessage("config file " + f + " does not exist");
    }

    @Test
    void noFileGivesDefaults() {
        BridgeConfig c = new ConfigLoader().load(null);
        assertThat(c.dev().kafkaPort()).isEqualTo(DevSettings.DEFAULT_KAFKA_PORT);
        assertThat(c.dev().postgresPort()).isEqualTo(DevSettings.DEFAULT_POSTGRES_PORT);
        assertThat(c.kafka().topicPrefix()).isEqualTo("synapse");
    }

    @Test
    void readsSnakeCaseKeys() throws Exception {
        BridgeConfig c = new ConfigLoader().load(write("""
                kafka:
                  bootstrap_servers: 127.0.0.1:9092,127.0.0.1:9093
                  topic_prefix: prod.synapse
                dev:
                  kafka_port: 0
                  postgres_port: 25432
                """));
        assertThat(c.kafka().bootstrapServers()).isEqualTo("127.0.0.1:9092,127.0.0.1:9093");
        assertThat(c.kafka().topics().stream("events")).isEqualTo("prod.synapse.stream.events");
        assertThat(c.dev().kafkaPort()).isZero();
        assertThat(c.dev().postgresPort()).isEqualTo(25432);
    }

    @Test
    void unknownKeyIsNamedWithItsLine() throws Exception {
        Path f = write("dev:\n  kafka_prot: 1\n");
        assertThatThrownBy(() -> new ConfigLoader().load(f))
                .isInstanceOf(ConfigException.class)
                .hasMessage(f + ":2: unknown key 'dev.kafka_prot'");
    }

    @Test
    void outOfRangePortIsNamed() throws Exception {
        Path f = write("dev:\n  kafka_port: 70000\n");
        assertThatThrownBy(() -> new ConfigLoader().load(f))
                .isInstanceOf(ConfigException.class)
                .hasMessage(f + ": dev.kafka_port: port 70000 is out of range (0-65535)");
    }

    @Test
    void wrongTypeIsNamed() throws Exception {
        Path f = write("dev:\n  kafka_port: lots\n");
        assertThatThrownBy(() -> new ConfigLoader().load(f))
                .isInstanceOf(ConfigException.class)
                .hasMessageStartingWith(f + ":2: bad value for 'dev.kafka_port': ");
    }

    @Test
    void brokenYamlIsOneLine() throws Exception {
        Path f = write("dev:\n\tkafka_port: 1\n");
        assertThatThrownBy(() -> new ConfigLoader().load(f))
                .isInstanceOf(ConfigException.class)
                .hasMessageStartingWith(f + ":")
                .hasMessageContaining("not valid YAML")
                .satisfies(e -> assertThat(e.getMessage()).doesNotContain("\n"));
    }

    @Test
    void badBootstrapServersIsNamed() throws Exception {
        Path f = write("kafka:\n  bootstrap_servers: 'localhost'\n");
        assertThatThrownBy(() -> new ConfigLoader().load(f))
                .isInstanceOf(ConfigException.class)
                .hasMessage(f + ": kafka.bootstrap_servers: expected host:port[,host:port...], got 'localhost'");
    }

    @Test
    void everySectionIsReadAndValidated() throws Exception {
        Path secret = Files.writeString(dir.resolve("secret"), "s3cret\n");
        BridgeConfig c = new ConfigLoader(java.util.Map.of()).load(write("""
                database: {host: db, port: 5433, name: syn, user: bridge, password: pw, slot_name: s1, publication_name: p1,
                           poll_interval_ms: 20}
                synapse: {server_name: example.com, instance_name: master, version: v1.66, dialect: v1.13}
                writer: {host: synapse, port: 9092, http_port: 9093, secret: w5ecret}
                replication: {bind_address: 0.0.0.0, port: 9000, max_pending_commands: 50, max_connections: 7}
                http: {port: 9001, secret_file: %s}
                metrics: {port: 9002}
                """.formatted(secret)));
        assertThat(c.database().settings().jdbcUrl()).isEqualTo("jdbc:postgresql://db:5433/syn");
        assertThat(c.database().slotName()).isEqualTo("s1");
        assertThat(c.database().pollIntervalMs()).isEqualTo(20);
        assertThat(c.database().toString()).doesNotContain("pw");
        assertThat(c.synapse().lineDialect()).isEqualTo(io.synapsebridge.protocol.command.Dialect.V1_13);
        assertThat(c.writer().enabled()).isTrue();
        assertThat(c.writer().httpPort()).isEqualTo(9093);
        assertThat(c.writer().secret()).isEqualTo("w5ecret");
        assertThat(c.writer().toString()).doesNotContain("w5ecret");
        assertThat(c.replication().maxConnections()).isEqualTo(7);
        assertThat(c.http().secret()).isEqualTo("s3cret");
        assertThat(c.http().toString()).doesNotContain("s3cret");
        assertThat(c.metrics().port()).isEqualTo(9002);
    }

    @Test
    void securityDefaultsListenOnLoopbackOnly() {
        BridgeConfig c = new ConfigLoader(java.util.Map.of()).load(null);
        assertThat(c.replication().bindAddress()).isEqualTo("127.0.0.1");
        assertThat(c.http().bindAddress()).isEqualTo("127.0.0.1");
        assertThat(c.metrics().bindAddress()).isEqualTo("127.0.0.1");
        assertThat(c.replication().tls().enabled()).isFalse();
        assertThat(c.replication().maxPendingCommands()).isEqualTo(10_000);
    }

    @Test
    void environmentVariablesBeatTheFile() throws Exception {
        Path f = write("kafka:\n  bootstrap_servers: file:9092\nreplication:\n  port: 1\n");
        BridgeConfig c = new ConfigLoader(java.util.Map.of("SKB_KAFKA_BOOTSTRAP_SERVERS", "env:9092",
                "SKB_REPLICATION_MAX_CONNECTIONS", "3", "SKB_HTTP_SECRET", "x", "PATH", "/bin")).load(f);
        assertThat(c.kafka().bootstrapServers()).isEqualTo("env:9092");
        assertThat(c.replication().port()).isEqualTo(1);
        assertThat(c.replication().maxConnections()).isEqualTo(3);
        assertThat(c.http().secret()).isEqualTo("x");
    }

    @Test
    void optionsBeatEnvironmentVariables() {
        BridgeConfig c = new ConfigLoader(java.util.Map.of("SKB_REPLICATION_PORT", "5")).load(null,
                java.util.Map.of("replication.port", ConfigLoader.Option.of("--replication-port", 6)));
        assertThat(c.replication().port()).isEqualTo(6);
    }

    @Test
    void aBadEnvironmentValueNamesTheVariable() {
        assertThatThrownBy(() -> new ConfigLoader(java.util.Map.of("SKB_REPLICATION_PORT", "99999")).load(null))
                .isInstanceOf(ConfigException.class)
                .hasMessage("configuration: replication.port: port 99999 is out of range (0-65535)"
                        + " (set by SKB_REPLICATION_PORT)");
        assertThatThrownBy(() -> new ConfigLoader(java.util.Map.of("SKB_METRICS_PORT", "many")).load(null))
                .isInstanceOf(ConfigException.class)
                .hasMessageStartingWith("configuration: bad value for 'metrics.port': ")
                .hasMessageEndingWith("(set by SKB_METRICS_PORT)");
    }

    @Test
    void anUnknownEnvironmentVariableIsRejected() {
        assertThatThrownBy(() -> new ConfigLoader(java.util.Map.of("SKB_KAFKA_BOOTSTRAP", "x:1")).load(null))
                .isInstanceOf(ConfigException.class)
                .hasMessageStartingWith("environment variable SKB_KAFKA_BOOTSTRAP names no configuration key");
    }

    @Test
    void everyKeyHasAVariable() {
        assertThat(EnvironmentOverrides.keys()).containsEntry("SKB_KAFKA_BOOTSTRAP_SERVERS", "kafka.bootstrap_servers")
                .containsEntry("SKB_REPLICATION_TLS_CERT_FILE", "replication.tls.cert_file")
                .containsEntry("SKB_DATABASE_PASSWORD_FILE", "database.password_file");
    }

    @Test
    void badValuesNameTheKey() throws Exception {
        String[][] cases = {
            {"database:\n  slot_name: Bad-Slot\n", "database.slot_name: expected a lower-case SQL identifier"},
            {"database:\n  port: 0\n", "database.port: port 0 cannot be connected to"},
            {"database:\n  password: a\n  password_file: /x\n", "database.password and database.password_file"},
            {"synapse:\n  version: v1.70\n", "synapse.version: expected one of v1.66, head, got 'v1.70'"},
            {"synapse:\n  server_name: a b\n", "synapse.server_name: expected one word"},
            {"replication:\n  max_pending_commands: 0\n", "replication.max_pending_commands: expected 1 to"},
            {"replication:\n  max_connections: -1\n", "replication.max_connections: expected 1 to"},
            {"replication:\n  tls:\n    cert_file: /etc/hostname\n", "replication.tls: set both"},
            {"kafka:\n  bootstrap_servers: nohost\n", "kafka.bootstrap_servers: expected host:port"},
            {"kafka:\n  connect_timeout_ms: 5\n", "kafka.connect_timeout_ms: expected 100 to"},
            {"http:\n  secret_file: /nonexistent\n", "http.secret_file: file /nonexistent does not exist"},
        };
        for (String[] c : cases) {
            Path f = write(c[0]);
            assertThatThrownBy(() -> new ConfigLoader(java.util.Map.of()).load(f)).as(c[0])
                    .isInstanceOf(ConfigException.class).hasMessageContaining(c[1]);
        }
    }
}
