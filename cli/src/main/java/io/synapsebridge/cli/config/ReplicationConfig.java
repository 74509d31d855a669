package io.synapsebridge.cli.config;

/**
 * The replication listener workers connect to.
 *
 * @param bindAddress        address to listen on; loopback unless configured
 * @param maxPendingCommands a connection further behind than this gets {@code ERROR Failed to keep up} (Synapse:
 *                           10000)
 * @param maxConnections     connections beyond this are refused with an ERROR
 */
public record ReplicationConfig(String bindAddress, Integer port, Integer maxPendingCommands, Integer maxConnections,
        TlsConfig tls) {
    public static final int DEFAULT_PORT = 9092;

    public ReplicationConfig {
        bindAddress = Validate.word("replication.bind_address", bindAddress, "127.0.0.1");
        port = Validate.port("replication.port", port, DEFAULT_PORT);
        maxPendingCommands = Validate.range("replication.max_pending_commands", maxPendingCommands, 10_000, 1,
                10_000_000);
        maxConnections = Validate.range("replication.max_connections", maxConnections, 1_000, 1, 100_000);
        tls = tls == null ? TlsConfig.defaults() : tls;
    }

    public static ReplicationConfig defaults() {
        return new ReplicationConfig(null, null, null, null, null);
    }
}
