package io.synapsebridge.cli.metrics;

import io.prometheus.metrics.core.metrics.GaugeWithCallback;
import io.prometheus.metrics.model.registry.PrometheusRegistry;
import io.synapsebridge.adapter.server.ReplicationServer;
import io.synapsebridge.connectors.capture.CaptureMetrics;
import java.time.Duration;
import java.util.Map;

/** With capture and the server in one process: how far what workers were told trails what capture released. */
public final class LagCollectors {
    private LagCollectors() {
    }

    public static void register(PrometheusRegistry registry, CaptureMetrics capture, ReplicationServer server) {
        GaugeWithCallback.builder().name("synapse_bridge_stream_frontier_lag")
                .help("Capture's frontier minus the token the replication server has reached, by stream and writer"
                        + " (tokens; 0 when workers have everything capture published).")
                .labelNames("stream_name", "instance_name")
                .callback(cb -> {
                    Map<String, Map<String, Long>> served = server.tokens(Duration.ofSeconds(2));
                    CaptureCollectors.frontiers(capture).forEach((key, frontier) -> {
                        long token = served.getOrDefault(key[0], Map.of()).getOrDefault(key[1], 0L);
                        cb.call(Math.max(0, frontier - token), key[0], key[1]);
                    });
                })
                .register(registry);
    }
}
