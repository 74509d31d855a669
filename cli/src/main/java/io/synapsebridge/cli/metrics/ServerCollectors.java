package io.synapsebridge.cli.metrics;

import io.prometheus.metrics.core.metrics.CounterWithCallback;
import io.prometheus.metrics.core.metrics.GaugeWithCallback;
import io.prometheus.metrics.model.registry.PrometheusRegistry;
import io.synapsebridge.adapter.server.ReplicationServer;
import io.synapsebridge.adapter.server.ServerMetrics;
import java.time.Duration;

/**
 * The replication server's metrics, under the names Synapse's main process uses for the same things, so that
 * Synapse's Grafana dashboard (its "Replication" row) reads them unchanged. Synapse labels commands with the
 * connection's name; the bridge counts per listener, so {@code name} is {@value #NAME}.
 */
public final class ServerCollectors {
    static final String NAME = "bridge";
    /** How long a scrape waits for the reader thread, which owns the tokens. */
    private static final Duration TOKENS_TIMEOUT = Duration.ofSeconds(2);

    private ServerCollectors() {
    }

    public static void register(PrometheusRegistry registry, ReplicationServer server) {
        ServerMetrics m = server.metrics();
        GaugeWithCallback.builder().name("synapse_replication_tcp_resource_total_connections")
                .help("Open replication connections.")
                .callback(cb -> cb.call(m.connections())).register(registry);
        CounterWithCallback.builder().name("synapse_replication_tcp_protocol_inbound_commands")
                .help("Commands received from workers, by command.").labelNames("command", "name")
                .callback(cb -> m.inboundCommands().forEach((c, n) -> cb.call(n, c, NAME))).register(registry);
        CounterWithCallback.builder().name("synapse_replication_tcp_protocol_outbound_commands")
                .help("Commands sent to workers, by command.").labelNames("command", "name")
                .callback(cb -> server.outboundCommands().forEach((c, n) -> cb.call(n, c, NAME)))
                .register(registry);
        CounterWithCallback.builder().name("synapse_replication_tcp_resource_stream_updates")
                .help("Rows sent as RDATA, by stream (counted once, whatever the number of connections).")
                .labelNames("stream_name")
                .callback(cb -> m.rdataByStream().forEach((s, n) -> cb.call(n, s))).register(registry);
        CounterWithCallback.builder().name("synapse_replication_tcp_protocol_close_reason")
                .help("Connections closed by the server, by reason.").labelNames("reason_type")
                .callback(cb -> m.closeReasons().forEach((r, n) -> cb.call(n, r))).register(registry);
        GaugeWithCallback.builder().name("synapse_replication_tcp_protocol_pending_commands")
                .help("Commands given to a connection but not yet written to its socket.").labelNames("name")
                .callback(cb -> server.connections().forEach(c -> cb.call(c.pendingCommands(), c.remoteAddress())))
                .register(registry);
        CounterWithCallback.builder().name("synapse_bridge_server_skipped_rows")
                .help("Rows the server could not encode for the emulated Synapse version, by stream.")
                .labelNames("stream_name")
                .callback(cb -> m.skippedRowsByStream().forEach((s, n) -> cb.call(n, s))).register(registry);
        GaugeWithCallback.builder().name("synapse_bridge_stream_token")
                .help("The token the replication server has reached (what POSITION announces), by stream and"
                        + " writer.")
                .labelNames("stream_name", "instance_name")
                .callback(cb -> server.tokens(TOKENS_TIMEOUT).forEach((stream, writers) ->
                        writers.forEach((instance, token) -> cb.call(token, stream, instance))))
                .register(registry);
    }
}
