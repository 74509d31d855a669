package io.synapsebridge.cli.run;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.synapsebridge.cli.Cli;
import io.synapsebridge.cli.config.BridgeConfig;
import io.synapsebridge.cli.config.ConfigLoader;
import io.synapsebridge.cli.config.ConfigLoader.Option;
import io.synapsebridge.cli.dev.DevStack;
import io.synapsebridge.cli.dev.DevWriter;
import io.synapsebridge.cli.dev.SchemaSetup;
import io.synapsebridge.devstack.EmbeddedKafkaBroker;
import io.synapsebridge.devstack.EmbeddedPostgresServer;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** {@code run} against a real Postgres and Kafka: a worker replicates, and a scrape finds every metric family. */
class BridgeMetricsTest {
    private static EmbeddedPostgresServer postgres;
    private static EmbeddedKafkaBroker kafka;
    private static DevWriter writer;
    private final HttpClient http = HttpClient.newHttpClient();

    @BeforeAll
    static void services() {
        postgres = EmbeddedPostgresServer.start(0);
        postgres.createDatabase(DevStack.DATABASE);
        SchemaSetup.apply(postgres, DevStack.DATABASE);
        kafka = EmbeddedKafkaBroker.start(0);
        writer = DevWriter.start(postgres, DevStack.DATABASE, "test.local", 40);
        writer.startLoad();
    }

    @AfterAll
    static void stop() {
        writer.close();
        kafka.close();
        postgres.close();
    }

    static BridgeConfig config() {
        return config(Map.of());
    }

    static BridgeConfig config(Map<String, Option> more) {
        Map<String, Option> o = new HashMap<>();
        o.put("kafka.bootstrap_servers", Option.of("test", kafka.bootstrapServers()));
        o.put("database.port", Option.of("test", postgres.port()));
        o.put("database.user", Option.of("test", EmbeddedPostgresServer.USER));
        o.put("synapse.server_name", Option.of("test", "test.local"));
        o.put("writer.host", Option.of("test", "127.0.0.1"));
        o.put("writer.port", Option.of("test", writer.address().getPort()));
        o.put("replication.port", Option.of("test", 0));
        o.put("http.port", Option.of("test", 0));
        o.put("metrics.port", Option.of("test", 0));
        o.putAll(more);
        return new ConfigLoader(Map.of()).load(null, o);
    }

    private String get(InetSocketAddress at, String path) throws Exception {
        HttpResponse<String> r = http.send(HttpRequest.newBuilder(
                URI.create("http://127.0.0.1:" + at.getPort() + path)).timeout(Duration.ofSeconds(10)).build(),
                HttpResponse.BodyHandlers.ofString());
        return r.statusCode() + "\n" + r.body();
    }

    @Test
    void aScrapeDuringARunFindsEveryFamily() throws Exception {
        StringBuilder progress = new StringBuilder();
        try (Bridge bridge = Bridge.start(config(), Part.BOTH, l -> progress.append(l).append('\n'))) {
            assertThat(progress).contains("checking kafka", "starting capture", "replication listening on",
                    "metrics on http://127.0.0.1:");
            InetSocketAddress metrics = bridge.metricsAddress().orElseThrow();
            InetSocketAddress replication = bridge.server().orElseThrow().address();
            try (Socket worker = new Socket(replication.getAddress(), replication.getPort())) {
                OutputStream out = worker.getOutputStream();
                out.write("NAME worker1\nREPLICATE\n".getBytes(StandardCharsets.UTF_8));
                out.flush();
                BufferedReader in = new BufferedReader(new InputStreamReader(worker.getInputStream(),
                        StandardCharsets.UTF_8));
                worker.setSoTimeout(60_000);
                // Rows flow from the writer through capture to this connection.
                for (String line; (line = in.readLine()) != null;) {
                    if (line.startsWith("RDATA ")) {
                        break;
                    }
                }
                await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> {
                    String scrape = get(metrics, "/metrics");
                    assertThat(scrape).startsWith("200\n").contains(
                            "synapse_replication_tcp_resource_total_connections 1.0",
                            "synapse_replication_tcp_protocol_inbound_commands_total{command=\"REPLICATE\",name=\"bridge\"} 1.0",
                            "synapse_replication_tcp_protocol_inbound_commands_total{command=\"NAME\",name=\"bridge\"} 1.0",
                            "synapse_replication_tcp_protocol_outbound_commands_total{command=\"SERVER\",name=\"bridge\"} 1.0",
                            "synapse_replication_tcp_protocol_outbound_commands_total{command=\"RDATA\",name=\"bridge\"}",
                            "synapse_replication_tcp_protocol_outbound_commands_total{command=\"POSITION\",name=\"bridge\"}",
                            "synapse_replication_tcp_protocol_pending_commands{name=\"/127.0.0.1:",
                            "synapse_replication_tcp_resource_stream_updates_total{stream_name=\"events\"}",
                            "synapse_bridge_stream_token{instance_name=\"master\",stream_name=\"events\"}",
                            "synapse_bridge_capture_frontier{instance_name=\"master\",stream_name=\"events\"}",
                            "synapse_bridge_stream_frontier_lag{instance_name=\"master\",stream_name=\"events\"}",
                            "synapse_bridge_capture_rows_published_total{stream_name=\"events\"}",
                            "synapse_bridge_capture_dead_letters_total{table=\"none\"} 0.0",
                            "synapse_bridge_capture_held_rows ",
                            "jvm_memory_used_bytes");
                    assertThat(scrape).containsPattern(
                            "synapse_bridge_capture_wal_lag_bytes\\{slot_name=\"synapse_bridge\"} [0-9]");
                });
            }
            assertThat(get(metrics, "/health")).isEqualTo("200\nOK");

            Cli.Run tail = Cli.run("tail", "events", "--bootstrap-servers", kafka.bootstrapServers(), "--limit", "5");
            assertThat(tail.exit()).as(tail.err()).isZero();
            assertThat(tail.out().lines()).hasSize(5).allMatch(l -> l.startsWith("RDATA events master ")
                    || l.startsWith("POSITION events master "));
            assertThat(tail.err()).contains("reading synapse.stream.events from offset 0", "5 records");
            long from = Long.parseLong(tail.out().lines().reduce((a, b) -> b).orElseThrow().split(" ")[3]);
            // tail stops at the end of the topic: wait until the writer has written three more records.
            await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> {
                Cli.Run after = Cli.run("tail", "events", "--bootstrap-servers", kafka.bootstrapServers(), "--from",
                        Long.toString(from), "--limit", "3");
                assertThat(after.out().lines()).hasSize(3)
                        .allMatch(l -> Long.parseLong(l.split(" ")[3]) > from);
            });

            Cli.Run status = Cli.run("status", "--bootstrap-servers", kafka.bootstrapServers(), "--metrics-url",
                    "http://127.0.0.1:" + metrics.getPort() + "/metrics");
            assertThat(status.exit()).as(status.err()).isZero();
            assertThat(status.out()).containsPattern("events +[0-9]+ +master +[0-9]+ +[0-9]+")
                    .contains("dead letters: 0", "connections: ", "capture WAL lag: ");
        }
    }

    @Test
    void captureAloneFillsTheTopicsAndServesNothing() throws Exception {
        BridgeConfig config = config(Map.of("kafka.topic_prefix", Option.of("test", "alone"),
                "database.slot_name", Option.of("test", "alone_slot"),
                "database.publication_name", Option.of("test", "alone_pub")));
        try (Bridge bridge = Bridge.start(config, Part.CAPTURE, l -> { })) {
            assertThat(bridge.server()).isEmpty();
            assertThat(bridge.catchUp()).isEmpty();
            InetSocketAddress metrics = bridge.metricsAddress().orElseThrow();
            io.synapsebridge.cli.inspect.TopicSurvey survey = new io.synapsebridge.cli.inspect.TopicSurvey(
                    kafka.bootstrapServers(), Duration.ofSeconds(10));
            await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> assertThat(survey.streams(
                    new io.synapsebridge.contract.StreamTopics("alone"), java.util.List.of("events")).get(0)
                    .lastTokens()).containsKey("master"));
            String scrape = get(metrics, "/metrics");
            assertThat(scrape).contains("synapse_bridge_capture_frontier{", "alone_slot")
                    .doesNotContain("synapse_replication_tcp_resource_total_connections");
            assertThat(get(metrics, "/health")).isEqualTo("200\nOK");
        }
    }
}
