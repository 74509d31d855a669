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
}
