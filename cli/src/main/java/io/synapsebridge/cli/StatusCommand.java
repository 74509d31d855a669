package io.synapsebridge.cli;

import io.synapsebridge.cli.config.BridgeConfig;
import io.synapsebridge.cli.config.ConfigException;
import io.synapsebridge.cli.inspect.MetricsScrape;
import io.synapsebridge.cli.inspect.TopicSurvey;
import io.synapsebridge.cli.inspect.TopicSurvey.StreamState;
import io.synapsebridge.connectors.publish.CaptureCheckpoint;
import io.synapsebridge.connectors.publish.CheckpointReader;
import io.synapsebridge.contract.StreamTopics;
import java.io.PrintWriter;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code status}: what Kafka holds, and what a running bridge reports. */
@Command(name = "status", mixinStandardHelpOptions = true,
        description = {
            "Prints, per stream: the topic's records and each writer's last token in Kafka, and capture's "
                + "published frontier as of its last checkpoint; the dead-letter count; and, from a running "
                + "bridge's metrics endpoint, its connections with their pending commands, capture's WAL lag and "
                + "the frontier lag per stream."})
final class StatusCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Mixin
    ConfigOptions options;

    @Option(names = "--metrics-url", paramLabel = "URL",
            description = "The running bridge's metrics (default http://<metrics.bind_address>:<metrics.port>/metrics"
                    + " from the configuration).")
    String metricsUrl;

    @Override
    public Integer call() {
        BridgeConfig config = options.load(Map.of());
        String kafka = config.kafka().bootstrapServers();
        if (kafka == null) {
            throw new ConfigException("kafka.bootstrap_servers: required (host:port[,host:port...])");
        }
        PrintWriter out = spec.commandLine().getOut();
        Duration timeout = config.kafka().connectTimeout();
        StreamTopics topics = config.kafka().topics();
        TopicSurvey survey = new TopicSurvey(kafka, timeout);
        Map<String, Map<String, Long>> published;
        try {
            CaptureCheckpoint checkpoint = CheckpointReader.read(kafka, topics, timeout);
            published = checkpoint.published();
            out.println("kafka " + kafka + ", topics " + topics.prefix() + ".*; capture checkpoint: "
                    + (checkpoint.capturedUpTo() == null ? "none" : "read up to LSN " + checkpoint.capturedUpTo().lsn()));
        } catch (RuntimeException e) {
            throw new io.synapsebridge.cli.run.StartupException("kafka at " + kafka + " did not answer within "
                    + timeout.toMillis() + " ms", e);
        }
        out.printf("%-20s %10s  %-12s %12s %12s%n", "stream", "records", "writer", "last token", "checkpoint");
        for (StreamState s : survey.streams(topics, config.synapse().synapseVersion().catalog().streams())) {
            if (!s.exists()) {
                out.printf("%-20s %10s%n", s.stream(), "no topic");
                continue;
            }
            Map<String, Long> frontiers = published.getOrDefault(s.stream(), Map.of());
            if (s.lastTokens().isEmpty()) {
                out.printf("%-20s %10d  %-12s %12s %12s%n", s.stream(), s.endOffset() - s.startOffset(), "-", "-",
                        "-");
            }
            boolean first = true;
            for (Map.Entry<String, Long> w : s.lastTokens().entrySet()) {
                Long frontier = frontiers.get(w.getKey());
                out.printf("%-20s %10s  %-12s %12d %12s%n", first ? s.stream() : "",
                        first ? Long.toString(s.endOffset() - s.startOffset()) : "", w.getKey(), w.getValue(),
                        frontier == null ? "-" : frontier.toString());
                first = false;
            }
        }
        Long deadLetters = survey.endOffset(topics.deadLetter());
        out.println("dead letters: " + (deadLetters == null ? 0 : deadLetters) + " (" + topics.deadLetter() + ")");
        printServer(out, config);
        out.flush();
        return 0;
    }

    private void printServer(PrintWriter out, BridgeConfig config) {
        String host = config.metrics().bindAddress().equals("0.0.0.0") ? "127.0.0.1" : config.metrics().bindAddress();
        String url = metricsUrl != null ? metricsUrl : "http://" + host + ":" + config.metrics().port() + "/metrics";
        Optional<MetricsScrape> scrape = MetricsScrape.fetch(url, Duration.ofSeconds(5));
        if (scrape.isEmpty()) {
            out.println("bridge at " + url + ": not answering");
            return;
        }
        MetricsScrape m = scrape.get();
        out.println("bridge at " + url + ":");
        m.samples("synapse_replication_tcp_resource_total_connections")
                .forEach(s -> out.printf("  connections: %.0f%n", s.value()));
        m.samples("synapse_replication_tcp_protocol_pending_commands")
                .forEach(s -> out.printf("    %s pending %.0f%n", s.labels(), s.value()));
        m.samples("synapse_bridge_capture_wal_lag_bytes")
                .forEach(s -> out.printf("  capture WAL lag: %.0f bytes (%s)%n", s.value(), s.labels()));
        m.samples("synapse_bridge_capture_held_rows")
                .forEach(s -> out.printf("  rows held for a frontier: %.0f%n", s.value()));
        m.samples("synapse_bridge_stream_frontier_lag").stream().filter(s -> s.value() > 0)
                .forEach(s -> out.printf("  frontier lag %s: %.0f%n", s.labels(), s.value()));
    }
}
