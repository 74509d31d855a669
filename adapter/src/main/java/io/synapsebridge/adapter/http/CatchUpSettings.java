package io.synapsebridge.adapter.http;

import io.synapsebridge.contract.InstanceNames;
import java.time.Duration;
import java.util.Objects;

/**
 * How the catch-up endpoint listens and reads.
 *
 * @param host              address to listen on
 * @param port              port to listen on (0: any free port)
 * @param instanceName      the writer whose rows are served: Synapse answers with its own instance's rows whoever
 *                          asks, and workers address the instance named in the POSITION ({@code master} for the main
 *                          process)
 * @param secret            Synapse's {@code worker_replication_secret}, or null (or empty) to check nothing
 * @param rowLimit          rows per answer before it is {@code limited} (Synapse: 100)
 * @param readers           Kafka reads running at once, each with its own consumer
 * @param maxQueuedRequests requests waiting for a reader beyond which new ones get 503
 * @param readTimeout       budget for one request's Kafka reads
 */
public record CatchUpSettings(String host, int port, String instanceName, String secret, int rowLimit, int readers,
        int maxQueuedRequests, Duration readTimeout) {

    public CatchUpSettings {
        Objects.requireNonNull(host, "host");
        InstanceNames.requireValid(instanceName);
        Objects.requireNonNull(readTimeout, "readTimeout");
        // As in Synapse, an empty secret is no secret.
        secret = secret == null || secret.isEmpty() ? null : secret;
        if (rowLimit < 1 || readers < 1 || maxQueuedRequests < 0 || readTimeout.isNegative() || readTimeout.isZero()) {
            throw new IllegalArgumentException("row limit, readers and read timeout must be positive");
        }
    }

    /** Loopback on 9093, serving {@code master}, no secret, 100 rows, 4 readers, 30 s per request. */
    public static CatchUpSettings defaults() {
        return new CatchUpSettings("127.0.0.1", 9093, "master", null, 100, 4, 256, Duration.ofSeconds(30));
    }

    public CatchUpSettings withPort(int newPort) {
        return new CatchUpSettings(host, newPort, instanceName, secret, rowLimit, readers, maxQueuedRequests,
                readTimeout);
    }

    public CatchUpSettings withSecret(String newSecret) {
        return new CatchUpSettings(host, port, instanceName, newSecret, rowLimit, readers, maxQueuedRequests,
                readTimeout);
    }

    public CatchUpSettings withInstanceName(String newInstanceName) {
        return new CatchUpSettings(host, port, newInstanceName, secret, rowLimit, readers, maxQueuedRequests,
                readTimeout);
    }

    public CatchUpSettings withRowLimit(int newRowLimit) {
        return new CatchUpSettings(host, port, instanceName, secret, newRowLimit, readers, maxQueuedRequests,
                readTimeout);
    }
}
