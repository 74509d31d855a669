package io.synapsebridge.connectors.frontier;

/**
 * The writer's TCP replication listener (Synapse's main process, {@code type: replication}, up to v1.66).
 *
 * @param serverName the writer's {@code server_name}, checked against its SERVER line
 * @param clientName the name capture gives itself with NAME
 */
public record WriterEndpoint(String host, int port, String serverName, String clientName) {
}
