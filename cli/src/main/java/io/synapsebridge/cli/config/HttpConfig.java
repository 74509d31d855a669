package io.synapsebridge.cli.config;

import java.nio.file.Path;

/**
 * The HTTP catch-up endpoint ({@code get_repl_stream_updates}).
 *
 * @param secret     Synapse's {@code worker_replication_secret}: requests then need {@code Authorization: Bearer}
 * @param secretFile a file whose first line is the secret
 */
public record HttpConfig(String bindAddress, Integer port, String secret, Path secretFile) {
    public static final int DEFAULT_PORT = 9093;

    public HttpConfig {
        bindAddress = Validate.word("http.bind_address", bindAddress, "127.0.0.1");
        port = Validate.port("http.port", port, DEFAULT_PORT);
        secret = Validate.secret("http.secret", secret, secretFile);
    }

    public static HttpConfig defaults() {
        return new HttpConfig(null, null, null, null);
    }

    @Override
    public String toString() {
        return "HttpConfig[bindAddress=" + bindAddress + ", port=" + port + ", secret=" + (secret == null ? "none"
                : "set") + "]";
    }
}
