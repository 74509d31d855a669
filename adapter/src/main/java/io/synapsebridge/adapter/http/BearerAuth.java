package io.synapsebridge.adapter.http;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.List;
import java.util.Optional;

/**
 * Synapse's replication secret check: with a secret configured, exactly one {@code Authorization} header whose value
 * is {@code Bearer}, one space, and the secret; without one, nothing is checked.
 */
final class BearerAuth {
    private final byte[] secret;

    /** @param secret {@code worker_replication_secret}, or null if none is configured */
    BearerAuth(String secret) {
        this.secret = secret == null ? null : secret.getBytes(StandardCharsets.UTF_8);
    }

    /** Why the request is refused (for the log, never for the client), or empty if it may proceed. */
    Optional<String> refusal(List<String> authorizationHeaders) {
        if (secret == null) {
            return Optional.empty();
        }
        if (authorizationHeaders.isEmpty()) {
            return Optional.of("missing Authorization header");
        }
        if (authorizationHeaders.size() > 1) {
            return Optional.of("too many Authorization headers");
        }
        String[] parts = authorizationHeaders.get(0).split(" ", -1);
        if (parts.length != 2 || !parts[0].equals("Bearer")) {
            return Optional.of("Authorization header is not 'Bearer <secret>'");
        }
        // Constant time, so the comparison does not tell how much of a guess was right.
        if (!MessageDigest.isEqual(secret, parts[1].getBytes(StandardCharsets.UTF_8))) {
            return Optional.of("wrong replication secret");
        }
        return Optional.empty();
    }
}
