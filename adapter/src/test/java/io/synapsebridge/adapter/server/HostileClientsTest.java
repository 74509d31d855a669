package io.synapsebridge.adapter.server;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import io.synapsebridge.adapter.BrokerTest;
import io.synapsebridge.adapter.StreamTopicsFixture;
import io.synapsebridge.contract.StreamRecord;
import io.synapsebridge.contract.StreamRecordCodec;
import io.synapsebridge.contract.StreamTopics;
import io.synapsebridge.protocol.command.Dialect;
import io.synapsebridge.protocol.rows.SynapseVersion;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.lang.management.ManagementFactory;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import java.util.stream.LongStream;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.junit.jupiter.api.Test;

/**
 * Hostile clients against a live server: fuzzed lines and a connection flood never crash it, never stall its other
 * clients and never cost them a row. {@code -Dfuzz.lines=N} sets how many fuzzed lines the server must handle (default
 * 10,000).
 */
class HostileClientsTest extends BrokerTest {
    private static final Duration WAIT = Duration.ofSeconds(120);
    private static final long FUZZ_LINES = Long.getLong("fuzz.lines", 10_000);
    /** Connections opened at once against a limit of 300 ({@code -Dflood.connections=5000} for the full run). */
    private static final int FLOOD = Integer.getInteger("flood.connections", 1_200);
    private static final int FUZZ_THREADS = 4;
    /** push_rules starts at a position of 1; rows 2..LAST follow while the hostile clients are at work. */
    private static final int LAST = 3_001;
    private static int prefixes;
    private final StreamRecordCodec codec = new StreamRecordCodec();

    @Test
    void fuzzedLinesNeverHarmTheServerOrItsOtherClients() throws Exception {
        StreamTopics topics = topics();
        try (ReplicationServer server = ReplicationServer.start(settings(1_000), kafka.bootstrapServers(), topics,
                new DiscardingSink())) {
            CompletableFuture<List<Long>> healthy = healthyWorker(server.address());
            ExecutorService fuzzers = Executors.newFixedThreadPool(FUZZ_THREADS);
            List<CompletableFuture<Long>> sent = new ArrayList<>();
            for (int i = 0; i < FUZZ_THREADS; i++) {
                long seed = i;
                sent.add(CompletableFuture.supplyAsync(() -> fuzz(server, new LineFuzzer(seed), FUZZ_LINES), fuzzers));
            }
            publishRows(topics);
            long total = 0;
            for (CompletableFuture<Long> s : sent) {
                total += s.get(WAIT.toSeconds(), TimeUnit.SECONDS);
            }
            fuzzers.shutdown();

            assertThat(handled(server)).isGreaterThanOrEqualTo(FUZZ_LINES);
            assertThat(healthy.get(WAIT.toSeconds(), TimeUnit.SECONDS))
                    .containsExactlyElementsOf(LongStream.rangeClosed(2, LAST).boxed().toList());
            assertThat(server.metrics().closeReasons()).doesNotContainKey("internal_error")
                    .containsKey("protocol_error");
            // Still serving: a newcomer is greeted and gets its positions.
            try (LineClient newcomer = new LineClient(server.address())) {
                newcomer.send("NAME newcomer\nREPLICATE \n");
                newcomer.await(l -> l.startsWith("POSITION push_rules master " + LAST), WAIT);
            }
            System.out.printf("fuzz: %d lines sent, %d handled: commands accepted %s, connections closed %s%n",
                    total, handled(server), server.metrics().inboundCommands(), server.metrics().closeReasons());
        }
    }

    @Test
    void aConnectionFloodIsServedOrRefusedWhileExistingClientsKeepReceiving() throws Exception {
        int limit = 300;
        int flood = FLOOD;
        StreamTopics topics = topics();
        try (ReplicationServer server = ReplicationServer.start(settings(limit), kafka.bootstrapServers(), topics,
                new DiscardingSink())) {
            CompletableFuture<List<Long>> healthy = healthyWorker(server.address());
            List<Socket> sockets = new ArrayList<>();
            try {
                for (int i = 0; i < flood; i++) {
                    Socket s = new Socket();
                    s.connect(server.address(), (int) WAIT.toMillis());
                    sockets.add(s);
                }
                publishRows(topics);
                int served = 0;
                int refused = 0;
                for (Socket s : sockets) {
                    String first = firstLine(s);
                    if (first.equals("SERVER test.local")) {
                        served++;
                    } else {
                        assertThat(first).isEqualTo("ERROR too many connections");
                        refused++;
                    }
                }
                // Refused connections count until they are closed, so a flood may be refused a little early.
                assertThat(served).isBetween(1, limit - 1);
                assertThat(served + refused).isEqualTo(flood);
                assertThat(healthy.get(WAIT.toSeconds(), TimeUnit.SECONDS))
                        .containsExactlyElementsOf(LongStream.rangeClosed(2, LAST).boxed().toList());
                System.out.printf("flood: %d connections at once against a limit of %d: %d served, %d refused; "
                        + "heap in use %d MB%n", flood, limit, served, refused, heapInUseMb());
            } finally {
                for (Socket s : sockets) {
                    s.close();
                }
            }
            org.awaitility.Awaitility.await().atMost(WAIT).until(() -> server.metrics().connections() == 0);
        }
    }

    /** Heap in use after a collection: what the server (and this test's own sockets) hold. */
    private static long heapInUseMb() {
        System.gc();
        return ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed() / (1024 * 1024);
    }

    private StreamTopics topics() throws Exception {
        StreamTopics topics = new StreamTopics("hostile" + (++prefixes));
        StreamTopicsFixture.create(kafka.bootstrapServers(), topics, SynapseVersion.V1_66.catalog().streams());
        StreamRecord start = StreamRecord.position("push_rules", "master", 1);
        producer.send(new ProducerRecord<>(topics.stream("push_rules"), 0, "master", codec.encode(start)));
        producer.flush();
        return topics;
    }

    private static ServerSettings settings(int maxConnections) {
        return new ServerSettings("127.0.0.1", 0, "test.local", Dialect.DEFAULT, SynapseVersion.V1_66, false,
                10_000, maxConnections, Duration.ofSeconds(5), Duration.ofSeconds(25));
    }

    /** A worker reading on its own thread; completes with the push_rules tokens it received once it has all. */
    private static CompletableFuture<List<Long>> healthyWorker(InetSocketAddress address) throws IOException {
        LineClient c = new LineClient(address);
        // No PING of its own, so no ping timeout however long the test runs.
        c.send("NAME healthy\nREPLICATE \n");
        c.await(l -> l.equals("POSITION push_rules master 1 1"), WAIT);
        return CompletableFuture.supplyAsync(() -> {
            try (c) {
                c.await(l -> l.startsWith("RDATA push_rules master " + LAST + " "), WAIT);
                return c.received().stream().filter(l -> l.startsWith("RDATA push_rules master "))
                        .map(l -> Long.parseLong(l.split(" ")[3])).toList();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }, task -> {
            Thread reader = new Thread(task, "healthy-worker");
            reader.setDaemon(true);
            reader.start();
        });
    }

    /**
     * Sends fuzzed lines until the server has handled {@code lines} of them (accepted a command, or closed a connection
     * for it); after a line that got an ERROR, the next go on a new connection. Returns the lines sent.
     */
    private static long fuzz(ReplicationServer server, LineFuzzer fuzzer, long lines) {
        long sent = 0;
        byte[] drain = new byte[65536];
        while (handled(server) < lines) {
            try (Socket s = new Socket()) {
                s.connect(server.address(), (int) WAIT.toMillis());
                OutputStream out = s.getOutputStream();
                InputStream in = s.getInputStream();
                boolean refused = false;
                while (!refused && handled(server) < lines) {
                    out.write(fuzzer.next());
                    sent++;
                    while (in.available() > 0) {
                        int n = in.read(drain);
                        refused |= new String(drain, 0, n, StandardCharsets.ISO_8859_1).contains("ERROR ");
                    }
                }
            } catch (IOException e) {
                // Closed by the server after an ERROR: the next lines go on a new connection.
            }
        }
        return sent;
    }

    /** Lines the server has acted on: commands it accepted, and connections it closed for a bad line. */
    private static long handled(ReplicationServer server) {
        return server.metrics().inboundCommands().values().stream().mapToLong(Long::longValue).sum()
                + server.metrics().closeReasons().values().stream().mapToLong(Long::longValue).sum();
    }

    /** Publishes push_rules rows 2..LAST at a steady pace while the hostile clients do their worst. */
    private void publishRows(StreamTopics topics) {
        for (int token = 2; token <= LAST; token++) {
            StreamRecord r = StreamRecord.row("push_rules", "master", token,
                    JsonNodeFactory.instance.objectNode().put("user_id", "@user" + token + ":test.local"));
            producer.send(new ProducerRecord<>(topics.stream("push_rules"), 0, "master", codec.encode(r)));
            if (token % 100 == 0) {
                producer.flush();
                LockSupport.parkNanos(Duration.ofMillis(20).toNanos());
            }
        }
        producer.flush();
    }

    private static String firstLine(Socket s) throws IOException {
        s.setSoTimeout((int) WAIT.toMillis());
        InputStream in = s.getInputStream();
        StringBuilder line = new StringBuilder();
        int b;
        while ((b = in.read()) != -1 && b != '\n') {
            line.append((char) b);
        }
        return line.toString();
    }
}
