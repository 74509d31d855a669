package io.synapsebridge.cli.metrics;

import io.prometheus.metrics.core.metrics.CounterWithCallback;
import io.prometheus.metrics.core.metrics.GaugeWithCallback;
import io.prometheus.metrics.model.registry.PrometheusRegistry;
import io.synapsebridge.connectors.capture.CaptureMetrics;
import java.util.Map;

/** Capture's metrics: what it read, published, held back and could not map, and how far behind the WAL it is. */
public final class CaptureCollectors {
    private CaptureCollectors() {
    }

    public static void register(PrometheusRegistry registry, CaptureMetrics m, SlotLag slotLag) {
        CounterWithCallback.builder().name("synapse_bridge_capture_rows_captured")
                .help("Rows read from the database, by stream.").labelNames("stream_name")
                .callback(cb -> m.capturedRows().forEach((s, n) -> cb.call(n, s))).register(registry);
        CounterWithCallback.builder().name("synapse_bridge_capture_rows_published")
                .help("Rows published to the stream topics, by stream.").labelNames("stream_name")
                .callback(cb -> m.publishedRowsByStream().forEach((s, n) -> cb.call(n, s))).register(registry);
        CounterWithCallback.builder().name("synapse_bridge_capture_duplicates_dropped")
                .help("Rows dropped because they were published before: re-delivered after a restart, or sent again"
                        + " by the writer.")
                .callback(cb -> cb.call(m.duplicatesDropped())).register(registry);
        CounterWithCallback.builder().name("synapse_bridge_capture_writer_rows_refused")
                .help("Rows of the in-memory streams the writer sent that were not in the stream's shape, by stream.")
                .labelNames("stream_name")
                .callback(cb -> m.refusedRows().forEach((s, n) -> cb.call(n, s))).register(registry);
        CounterWithCallback.builder().name("synapse_bridge_capture_dead_letters")
                .help("Changes that could not be mapped and went to the dead-letter topic, by table.")
                .labelNames("table")
                .callback(cb -> {
                    Map<String, Long> byTable = m.deadLettersByTable();
                    if (byTable.isEmpty()) {
                        // Present from the start, so that an alert on its rate has a series to watch.
                        cb.call(0, "none");
                    }
                    byTable.forEach((t, n) -> cb.call(n, t));
                })
                .register(registry);
        GaugeWithCallback.builder().name("synapse_bridge_capture_held_rows")
                .help("Rows captured but held until their writer's frontier passes them.")
                .callback(cb -> cb.call(m.held())).register(registry);
        GaugeWithCallback.builder().name("synapse_bridge_capture_frontier")
                .help("The writer's frontier: every row at or below it is committed and published.")
                .labelNames("stream_name", "instance_name")
                .callback(cb -> frontiers(m).forEach((key, token) -> cb.call(token, key[0], key[1])))
                .register(registry);
        GaugeWithCallback.builder().name("synapse_bridge_capture_wal_lag_bytes")
                .help("WAL bytes between the database's current position and what capture has confirmed on its"
                        + " slot (-1: the slot could not be read).")
                .labelNames("slot_name")
                .callback(cb -> cb.call(slotLag.bytes(), slotLag.slotName())).register(registry);
    }

    /** {@code stream/instance -> token} as {@code [stream, instance] -> token}. */
    static Map<String[], Long> frontiers(CaptureMetrics m) {
        Map<String[], Long> out = new java.util.LinkedHashMap<>();
        m.frontiers().forEach((key, token) -> {
            int slash = key.indexOf('/');
            out.put(new String[] {key.substring(0, slash), key.substring(slash + 1)}, token);
        });
        return out;
    }
}
