package io.synapsebridge.cli.config;

/**
 * Synapse's main process's TCP replication listener ({@code type: replication}, up to v1.66), which capture follows
 * for frontiers: the only frontier source for push rules, pushers, device lists, user signatures and caches.
 * Unset (no {@code host}): capture uses captured {@code stream_positions} only and does not publish those streams.
 */
public record WriterConfig(String host, Integer port) {

    public WriterConfig {
        host = host == null ? null : Validate.word("writer.host", host);
        port = Validate.remotePort("writer.port", port, 9092);
    }

    public static WriterConfig defaults() {
        return new WriterConfig(null, null);
    }

    public boolean enabled() {
        return host != null;
    }
}
