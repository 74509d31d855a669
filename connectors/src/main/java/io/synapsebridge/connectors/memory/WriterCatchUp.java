package io.synapsebridge.connectors.memory;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.ConnectException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;

/**
 * Fetches an in-memory stream's rows from the writer's HTTP replication listener
 * ({@code GET /_synapse/replication/get_repl_stream_updates/<stream>/<txn>?from_token=&upto_token=}), page by page
 * as a Synapse worker does, and checks every answer: it comes from the network.
 */
public final class WriterCatchUp {
    private static final ObjectMapper JSON = new ObjectMapper();
    /** Short: while it waits, the connection's thread reads no announcement of the other streams either. */
    private static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(2);
    private static final Duration TIMEOUT = Duration.ofSeconds(5);
    /** Pauses before the retries of a refused connection (the writer may be restarting); short, unlike a worker's
     * 63 s, for the same reason. */
    private static final List<Duration> RETRIES = List.of(Duration.ofMillis(250), Duration.ofMillis(500),
            Duration.ofSeconds(1));

    /** A row of the answer: its token and its positional row, as in RDATA. */
    public record Update(long token, JsonNode row) {
    }

    /** The writer could not be asked or answered something that is not a valid answer. */
    public static final class CatchUpException extends Exception {
        private static final long serialVersionUID = 1L;

        CatchUpException(String message) {
            super(message);
        }
    }

    private final String base;
    private final String secret;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(CONNECT_TIMEOUT).build();

    /** @param secret Synapse's {@code worker_replication_secret}, or null */
    public WriterCatchUp(String host, int port, String secret) {
        this.base = "http://" + (host.contains(":") ? "[" + host + "]" : host) + ":" + port
                + "/_synapse/replication/get_repl_stream_updates/";
        this.secret = secret;
    }

    /** Every row of {@code stream} with {@code from < token <= upto}, in the writer's order. */
    public List<Update> fetch(String stream, long from, long upto) throws CatchUpException, InterruptedException {
        List<Update> out = new ArrayList<>();
        long cursor = from;
        while (true) {
            JsonNode body = get(stream, cursor, upto);
            long last = cursor;
            for (JsonNode update : array(body, "updates")) {
                if (!update.isArray() || update.size() != 2 || !update.get(0).canConvertToExactIntegral()) {
                    throw new CatchUpException("an update of " + stream + " is not [token, row]: " + update);
                }
                long token = update.get(0).asLong();
                if (token <= cursor || token > upto || token < last) {
                    throw new CatchUpException("token " + token + " of " + stream + " is out of order or outside ("
                            + cursor + ", " + upto + "]");
                }
                last = token;
                out.add(new Update(token, update.get(1)));
            }
            JsonNode limited = body.get("limited");
            JsonNode reached = body.get("upto_token");
            if (limited == null || !limited.isBoolean() || reached == null || !reached.canConvertToExactIntegral()) {
                throw new CatchUpException("the answer for " + stream + " lacks limited or upto_token: " + body);
            }
            if (!limited.asBoolean()) {
                return out;
            }
            if (reached.asLong() <= cursor || reached.asLong() > upto) {
                throw new CatchUpException("a limited answer for " + stream + " stops at " + reached.asLong()
                        + ", not within (" + cursor + ", " + upto + "]");
            }
            cursor = reached.asLong();
        }
    }

    private JsonNode get(String stream, long from, long upto) throws CatchUpException, InterruptedException {
        String txn = Long.toHexString(ThreadLocalRandom.current().nextLong());
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base
                + URLEncoder.encode(stream, StandardCharsets.UTF_8) + "/" + txn + "?from_token=" + from
                + "&upto_token=" + upto)).timeout(TIMEOUT).header("Accept", "application/json").GET();
        if (secret != null) {
            request.header("Authorization", "Bearer " + secret);
        }
        for (int attempt = 0;; attempt++) {
            try {
                HttpResponse<String> response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
                if (response.statusCode() != 200) {
                    throw new CatchUpException("the writer answered " + response.statusCode() + " for " + stream
                            + ": " + abbreviate(response.body()));
                }
                return JSON.readTree(response.body());
            } catch (ConnectException e) {
                if (attempt >= RETRIES.size()) {
                    throw new CatchUpException("the writer's HTTP listener refused " + (attempt + 1)
                            + " connections: " + e.getMessage());
                }
                Thread.sleep(RETRIES.get(attempt).toMillis()); // retry back-off, not synchronisation
            } catch (IOException e) {
                throw new CatchUpException("asking the writer for " + stream + " failed: " + e.getMessage());
            }
        }
    }

    private static JsonNode array(JsonNode body, String field) throws CatchUpException {
        JsonNode value = body == null ? null : body.get(field);
        if (value == null || !value.isArray()) {
            throw new CatchUpException("the writer's answer has no " + field + " array: " + body);
        }
        return value;
    }

    private static String abbreviate(String body) {
        return body.length() <= 200 ? body : body.substring(0, 200) + "...";
    }
}
