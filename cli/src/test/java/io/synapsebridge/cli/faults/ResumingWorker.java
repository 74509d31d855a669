package io.synapsebridge.cli.faults;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.LockSupport;

/**
 * A replication client that behaves like a Synapse v1.66 worker across connections: it reconnects forever (0.1 s
 * back-off doubling to 1 s), sends NAME and REPLICATE on each connection, and keeps its position per stream and
 * writer across them. A POSITION whose prev token is not its position makes it fetch the gap from the HTTP catch-up
 * endpoint, as a worker reads it from the database (the endpoint is the bridge's view of the same rows). RDATA on a
 * stream with no POSITION yet on this connection, or at or below its position, is dropped, as the worker drops it.
 *
 * <p>Everything it applies, and anything a server or endpoint sent that a worker would have had to throw away as a
 * repeat, goes into its {@link WorkerLog} for {@link ResumeCheck}.
 */
final class ResumingWorker implements AutoCloseable {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Duration CATCH_UP_RETRIES = Duration.ofSeconds(63);

    private final InetSocketAddress server;
    private final String catchUpBase;
    private final String name;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
    private final Thread thread;
    private final WorkerLog log = new WorkerLog();
    /** Position per "stream writer", kept across connections as a worker keeps it in its database. */
    private final Map<String, Long> positions = new HashMap<>();
    private final AtomicInteger connections = new AtomicInteger();
    private final AtomicInteger catchUps = new AtomicInteger();
    private volatile Socket socket;
    private volatile long pausedUntil;
    private volatile boolean closed;

    /** A gap could not be fetched: the worker gives up on this connection and reconnects. */
    private static final class CatchUpFailed extends Exception {
        private static final long serialVersionUID = 1L;

        CatchUpFailed(String message) {
            super(message);
        }
    }

    ResumingWorker(InetSocketAddress server, InetSocketAddress catchUp, String name) {
        this.server = server;
        this.catchUpBase = "http://" + catchUp.getHostString() + ":" + catchUp.getPort()
                + "/_synapse/replication/get_repl_stream_updates/";
        this.name = name;
        thread = new Thread(this::run, "resuming-" + name);
        thread.setDaemon(true);
        thread.start();
    }

    private void run() {
        long backOff = 100;
        while (!closed) {
            try (Socket s = new Socket()) {
                s.connect(server, 2000);
                socket = s;
                int connection = connections.incrementAndGet();
                s.getOutputStream().write(("NAME " + name + "\nREPLICATE \n").getBytes(StandardCharsets.UTF_8));
                backOff = 100;
                follow(s, connection);
            } catch (IOException | CatchUpFailed e) {
                log.note(e.getMessage());
            }
            if (!closed) {
                LockSupport.parkNanos(backOff * 1_000_000);
                backOff = Math.min(1000, backOff * 2);
            }
        }
    }

    private void follow(Socket s, int connection) throws IOException, CatchUpFailed {
        Set<String> connected = new HashSet<>();
        Map<String, Long> announcedHere = new HashMap<>();
        BufferedReader in = new BufferedReader(new InputStreamReader(s.getInputStream(), StandardCharsets.UTF_8));
        for (String line; (line = in.readLine()) != null;) {
            while (System.nanoTime() < pausedUntil && !closed) {
                // A paused worker reads nothing; the server's buffers fill up behind it.
                LockSupport.parkNanos(10_000_000);
            }
            String[] f = line.split(" ", 5);
            if (f.length < 4 || !(f[0].equals("RDATA") || f[0].equals("POSITION")) || f[2].equals(name)) {
                if (f[0].equals("ERROR")) {
                    log.note("connection " + connection + ": " + line);
                }
                continue;
            }
            String stream = f[1];
            String key = stream + " " + f[2];
            long position = positions.getOrDefault(key, 0L);
            if (f[0].equals("POSITION")) {
                long prev = Long.parseLong(f[3]);
                long next = Long.parseLong(f[4]);
                Long before = announcedHere.get(key);
                if (before != null && next < before) {
                    log.repeated(key, next, "POSITION went back on connection " + connection + ": " + line
                            + " after " + before);
                }
                announcedHere.merge(key, next, Math::max);
                if (connected.contains(stream) && next <= position) {
                    continue;
                }
                if (prev != position && position < next) {
                    position = catchUp(stream, f[2], key, position, next);
                }
                position = Math.max(position, next);
                positions.put(key, position);
                log.positioned(key, position);
                connected.add(stream);
            } else if (connected.contains(stream) && !f[3].equals("batch")) {
                long token = Long.parseLong(f[3]);
                Long before = announcedHere.get(key);
                if (before != null && token <= before) {
                    log.repeated(key, token, "RDATA at or below what this connection already had ("
                            + before + "): " + line);
                } else if (token > position) {
                    log.applied(key, token);
                    positions.put(key, token);
                }
                announcedHere.merge(key, token, Math::max);
            }
        }
    }

    /**
     * Fetches (from, upto] over HTTP and applies it, token group by token group, the position moving with each group
     * as a worker's does: when a later page fails, what was applied stays applied. Returns the new position.
     */
    private long catchUp(String stream, String writer, String key, long from, long upto) throws CatchUpFailed {
        catchUps.incrementAndGet();
        long position = from;
        long cursor = from;
        while (true) {
            JsonNode body = fetch(stream, cursor, upto);
            Long group = null;
            for (JsonNode update : body.path("updates")) {
                long token = update.path(0).asLong();
                if (group != null && token == group) {
                    continue;
                }
                group = token;
                if (token <= position || token > upto) {
                    log.repeated(key, token, "catch-up (" + cursor + ", " + upto + "] of " + stream + "/" + writer
                            + " returned token " + token + " at or below " + position);
                } else {
                    log.applied(key, token);
                    position = token;
                    positions.put(key, token);
                }
            }
            long reached = body.path("upto_token").asLong();
            if (!body.path("limited").asBoolean()) {
                return position;
            }
            if (reached <= cursor) {
                throw new CatchUpFailed("catch-up of " + stream + " limited at " + reached + " after " + cursor);
            }
            cursor = reached;
        }
    }

    private JsonNode fetch(String stream, long from, long upto) throws CatchUpFailed {
        String txn = Long.toHexString(ThreadLocalRandom.current().nextLong());
        HttpRequest request = HttpRequest.newBuilder(URI.create(catchUpBase + stream + "/" + txn + "?from_token="
                + from + "&upto_token=" + upto)).timeout(Duration.ofSeconds(10)).GET().build();
        long deadline = System.nanoTime() + CATCH_UP_RETRIES.toNanos();
        long pause = 1000;
        while (true) {
            try {
                HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
                if (response.statusCode() != 200) {
                    throw new CatchUpFailed("catch-up of " + stream + " answered " + response.statusCode() + ": "
                            + response.body());
                }
                return JSON.readTree(response.body());
            } catch (IOException e) {
                // Connection refused while the endpoint restarts: retried like Synapse's client (1, 2, 4... s).
                if (closed || System.nanoTime() + pause * 1_000_000 > deadline) {
                    throw new CatchUpFailed("catch-up of " + stream + " failed: " + e);
                }
                LockSupport.parkNanos(pause * 1_000_000);
                pause = Math.min(pause * 2, 8000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new CatchUpFailed("interrupted");
            }
        }
    }

    String name() {
        return name;
    }

    WorkerLog log() {
        return log;
    }

    int connections() {
        return connections.get();
    }

    int catchUps() {
        return catchUps.get();
    }

    /** Closes the connection under the worker, as a network fault would; it reconnects. */
    void drop() {
        Socket s = socket;
        if (s != null) {
            try {
                s.close();
            } catch (IOException e) {
                // Already closed.
            }
        }
    }

    /** Stops reading for {@code pause}, as a worker stuck in a long task does. */
    void pause(Duration pause) {
        pausedUntil = System.nanoTime() + pause.toNanos();
    }

    @Override
    public void close() throws InterruptedException {
        closed = true;
        drop();
        thread.join(10_000);
    }
}
