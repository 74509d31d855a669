package io.synapsebridge.sim.replication;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The main process's HTTP replication listener, as far as the in-memory streams go: Synapse v1.66's
 * {@code GET /_synapse/replication/get_repl_stream_updates/<stream>/<txn>?from_token=&upto_token=}, from which a
 * worker fetches the typing, presence_federation and federation rows it missed. Answers as Synapse does: 400 for a
 * missing or bad parameter, 500 for a request without the right {@code Authorization: Bearer <secret>} when a secret
 * is set. Other streams are in the database and not served here.
 */
public final class ReplicationHttpListener implements AutoCloseable {
    private static final Pattern PATH = Pattern.compile("^/_synapse/replication/get_repl_stream_updates/([^/]+)/[^/]+$");
    private static final ObjectMapper JSON = new ObjectMapper();

    private final HttpServer server;
    private final Supplier<MemoryStreams> memoryStreams;
    private final String secret;

    private ReplicationHttpListener(HttpServer server, Supplier<MemoryStreams> memoryStreams, String secret) {
        this.server = server;
        this.memoryStreams = memoryStreams;
        this.secret = secret;
    }

    /**
     * Listens on {@code host:port} (0 for a free port).
     *
     * @param memoryStreams the in-memory streams of the process running now (a restarted process has new ones)
     * @param secret        Synapse's {@code worker_replication_secret}, or null for none
     */
    public static ReplicationHttpListener start(String host, int port, Supplier<MemoryStreams> memoryStreams,
            String secret) {
        HttpServer server;
        try {
            server = HttpServer.create(new InetSocketAddress(host, port), 0);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot listen for replication HTTP on " + host + ":" + port, e);
        }
        ReplicationHttpListener listener = new ReplicationHttpListener(server, memoryStreams, secret);
        server.createContext("/_synapse/replication/", listener::handle);
        server.start();
        return listener;
    }

    public InetSocketAddress address() {
        return server.getAddress();
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            Matcher path = PATH.matcher(exchange.getRequestURI().getRawPath());
            if (!exchange.getRequestMethod().equals("GET") || !path.matches()) {
                respond(exchange, 404, error("M_UNRECOGNIZED", "Unrecognized request"));
                return;
            }
            List<String> auth = exchange.getRequestHeaders().getOrDefault("Authorization", List.of());
            if (secret != null && !(auth.size() == 1 && auth.get(0).equals("Bearer " + secret))) {
                respond(exchange, 500, error("M_UNKNOWN", "Internal server error"));
                return;
            }
            String stream = URLDecoder.decode(path.group(1), StandardCharsets.UTF_8);
            if (!MemoryStreams.NAMES.contains(stream)) {
                respond(exchange, 400, error("M_UNKNOWN", "stream " + stream + " is not served here"));
                return;
            }
            Map<String, String> query = query(exchange.getRequestURI().getRawQuery());
            Long from = token(query.get("from_token"));
            Long upto = token(query.get("upto_token"));
            if (from == null || upto == null) {
                respond(exchange, 400, error("M_INVALID_PARAM", "from_token and upto_token must be non-negative"
                        + " integers"));
                return;
            }
            respond(exchange, 200, memoryStreams.get().updatesSince(stream, from, upto).toJson());
        }
    }

    private static Map<String, String> query(String raw) {
        Map<String, String> out = new HashMap<>();
        if (raw != null) {
            for (String pair : raw.split("&")) {
                int eq = pair.indexOf('=');
                if (eq > 0) {
                    out.put(pair.substring(0, eq), URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8));
                }
            }
        }
        return out;
    }

    private static Long token(String value) {
        if (value == null || !value.matches("[0-9]{1,18}")) {
            return null;
        }
        return Long.parseLong(value);
    }

    private static String error(String code, String message) throws IOException {
        return JSON.writeValueAsString(JSON.createObjectNode().put("errcode", code).put("error", message));
    }

    private static void respond(HttpExchange exchange, int status, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", "application/json");
        exchange.sendResponseHeaders(status, bytes.length);
        exchange.getResponseBody().write(bytes);
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
