package io.synapsebridge.cli.config;

import java.nio.file.Path;

/**
 * Synapse's main process's TCP replication listener ({@code type: replication}, up to v1.66), which capture follows
 * for frontiers: the only frontier source for push rules, pushers, device lists, user signatures and caches.
 * Unset (no {@code host}): capture uses captured {@code stream_positions} only and does not publish those streams.
 *
 * @param httpPort   the main process's HTTP replication listener on the same host (Synapse's
 *                   {@code worker_replication_http_port}), from which capture fetches the typing,
 *                   presence_federation and federation rows announced while it was not connected; unset: not fetched
 * @param secret     Synapse's {@code worker_replication_secret}, sent to that listener
 * @param secretFile a file whose first line is the secret
 */
public record WriterConfig(String host, Integer port, Integer httpPort, String secret, Path secretFile) {

    public WriterConfig {
        host = host == null ? null : Validate.word("writer.host", host);
        port = Validate.remotePort("writer.port", port, 9092);
        httpPort = httpPort == null ? null : Validate.remotePort("writer.http_port", httpPort, 0);
        secret = Validate.secret("writer.secret", secret, secretFile);
    }

    public static WriterConfig defaults() {
        return new WriterConfig(null, null, null, null, null);
    }

    public boolean enabled() {
        return host != null;
    }

    @Override
    public String toString() {
        return "WriterConfig[host=" + host + ", port=" + port + ", httpPort=" + httpPort + ", secret="
                + (secret == null ? "none" : "set") + "]";
    }
}
