package io.synapsebridge.cli.config;

/**
 * The Prometheus metrics and health endpoint ({@code /metrics}, {@code /health}).
 *
 * @param enabled false to serve neither
 */
public record MetricsConfig(Boolean enabled, String bindAddress, Integer port) {
    public static final int DEFAULT_PORT = 9101;

    public MetricsConfig {
        enabled = enabled == null || enabled;
        bindAddress = Validate.word("metrics.bind_address", bindAddress, "127.0.0.1");
        port = Validate.port("metrics.port", port, DEFAULT_PORT);
    }

    public static MetricsConfig defaults() {
        return new MetricsConfig(null, null, null);
    }
}
