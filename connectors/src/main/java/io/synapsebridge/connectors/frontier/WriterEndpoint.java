package io.synapsebridge.connectors.frontier;

/**
 * The writer's replication listeners (Synapse's main process, up to v1.66): the TCP one ({@code type: replication})
 * capture follows, and optionally the HTTP one that serves {@code get_repl_stream_updates}, from which capture
 * fetches the in-memory streams' rows it missed while not connected, as a worker does.
 *
 * @param serverName the writer's {@code server_name}, checked against its SERVER line
 * @param clientName the name capture gives itself with NAME
 * @param httpPort   the HTTP replication listener's port on the same host, 0 for none
 * @param secret     Synapse's {@code worker_replication_secret} for the HTTP listener, or null
 */
public record WriterEndpoint(String host, int port, String serverName, String clientName, int httpPort,
        String secret) {

    /** A writer whose missed in-memory rows are not fetched. */
    public WriterEndpoint(String host, int port, String serverName, String clientName) {
        this(host, port, serverName, clientName, 0, null);
    }

    @Override
    public String toString() {
        return "WriterEndpoint[" + host + ":" + port + ", http port " + httpPort + ", secret "
                + (secret == null ? "none" : "set") + "]";
    }
}
