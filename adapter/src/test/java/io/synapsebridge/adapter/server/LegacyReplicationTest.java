package io.synapsebridge.adapter.server;

import io.synapsebridge.adapter.BrokerTest;
import io.synapsebridge.adapter.StreamTopicsFixture;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.synapsebridge.contract.StreamRecord;
import io.synapsebridge.contract.StreamRecordCodec;
import io.synapsebridge.contract.StreamTopics;
import io.synapsebridge.protocol.command.Dialect;
import io.synapsebridge.protocol.rows.SynapseVersion;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** 2017-dialect subscriptions ({@code REPLICATE <stream> <token|NOW>}) against a real broker. */
class LegacyReplicationTest extends BrokerTest {
    private static final Duration WAIT = Duration.ofSeconds(60);
    /** Tokens that are a multiple of this carry two rows, sent as batch then token. */
    private static final int GROUP_EVERY = 1000;
    private static int prefixes;

    private final StreamRecordCodec codec = new StreamRecordCodec();
    private StreamTopics topics;
    private ReplicationServer server;

    @BeforeEach
    void createTopics() throws Exception {
        topics = new StreamTopics("legacy" + (++prefixes));
        StreamTopicsFixture.create(kafka.bootstrapServers(), topics, SynapseVersion.V1_66.catalog().streams());
    }

    @AfterEach
    void stopServer() {
        if (server != null) {
            server.close();
        }
    }

    private void start(Dialect dialect, int maxPending) {
        ServerSettings settings = new ServerSettings("127.0.0.1", 0, "test.local", dialect, SynapseVersion.V1_66,
                false, maxPending, 100, Duration.ofSeconds(5), Duration.ofSeconds(25));
        server = ReplicationServer.start(settings, kafka.bootstrapServers(), topics, new DiscardingSink());
    }

    private void publish(String instance, long token, String eventId) {
        publish(StreamRecord.row("receipts", instance, token, receipt(eventId)));
    }

    private void publish(StreamRecord record) {
        producer.send(new ProducerRecord<>(topics.stream(record.stream()), 0, record.instance(),
                codec.encode(record)));
    }

    /** Rows of the main process with tokens {@code from..to}, two rows on every {@link #GROUP_EVERY}th token. */
    private void publishRange(long from, long to) {
        for (long t = from; t <= to; t++) {
            if (t % GROUP_EVERY == 0) {
                publish("master", t, "$a" + t);
            }
            publish("master", t, "$e" + t);
        }
    }

    private static ObjectNode receipt(String eventId) {
        ObjectNode row = JsonNodeFactory.instance.objectNode()
                .put("room_id", "!r:test.local").put("receipt_type", "m.read")
                .put("user_id", "@alice:test.local").put("event_id", eventId).putNull("thread_id");
        // Padding, so that a backlog is many times what socket buffers hold.
        row.putObject("data").put("ts", 1700000000000L).put("pad", "p".repeat(300));
        return row;
    }

    /** The token fields of the RDATA lines a 2017 client should see for {@code (after, upTo]}. */
    private static List<String> expectedTokens(long after, long upTo) {
        List<String> out = new ArrayList<>();
        for (long t = after + 1; t <= upTo; t++) {
            if (t % GROUP_EVERY == 0) {
                out.add("batch");
            }
            out.add(Long.toString(t));
        }
        return out;
    }

    private static List<String> legacyTokens(List<String> lines) {
        return lines.stream().filter(l -> l.startsWith("RDATA receipts ")).map(l -> l.split(" ", 4)[2]).toList();
    }

    /** Compares token sequences, naming the first difference instead of printing thousands of tokens. */
    private static void assertTokens(List<String> actual, List<String> expected) {
        int n = Math.min(actual.size(), expected.size());
        for (int i = 0; i < n; i++) {
            if (!actual.get(i).equals(expected.get(i))) {
                throw new AssertionError("token " + i + " is " + actual.get(i) + ", expected " + expected.get(i)
                        + "; around it: " + actual.subList(Math.max(0, i - 3), Math.min(n, i + 4)));
            }
        }
        assertThat(actual.size()).as("tokens received (last: %s)", actual.isEmpty() ? "none"
                : actual.get(actual.size() - 1)).isEqualTo(expected.size());
    }

    @Test
    void nowGetsPositionThenOnlyTheMainProcessRowsOfThatStream() throws Exception {
        publish("master", 7, "$e7");
        producer.flush();
        start(Dialect.V0_21, 10_000);
        try (LineClient c = new LineClient(server.address())) {
            c.send("NAME w\nPING 1\nREPLICATE receipts NOW\n");
            c.await(l -> l.startsWith("POSITION "), WAIT);
            publish("worker1", 8, "$other");
            publish(StreamRecord.position("events", "master", 50));
            publish("master", 8, "$e8");
            producer.flush();
            c.await(l -> l.startsWith("RDATA receipts 8 "), WAIT);
            List<String> replication = c.received().stream()
                    .filter(l -> l.startsWith("RDATA") || l.startsWith("POSITION")).toList();
            assertThat(replication).hasSize(2);
            assertThat(replication.get(0)).isEqualTo("POSITION receipts 7");
            assertThat(replication.get(1)).startsWith("RDATA receipts 8 [\"!r:test.local\",\"m.read\",");
        }
    }

    @Test
    void tokenGetsTheBacklogAfterItThenPositionThenLiveRowsWithNothingLostOrRepeated() throws Exception {
        int backlog = 50_000;
        int live = 3_000;
        publishRange(1, backlog);
        producer.flush();
        start(Dialect.V1_22, 10_000);
        try (LineClient modern = new LineClient(server.address());
                LineClient legacy = new LineClient(server.address())) {
            modern.send("NAME modern\nPING 1\nREPLICATE \n");
            modern.await(l -> l.startsWith("POSITION receipts master "), WAIT);
            // A v1.22-configured server recognises the 2017 client by its REPLICATE.
            legacy.send("NAME old\nPING 1\nREPLICATE receipts 20000\n");
            CompletableFuture<Void> writer = CompletableFuture.runAsync(() -> {
                for (long t = backlog + 1; t <= backlog + live; t++) {
                    publishRange(t, t);
                    if (t % 100 == 0) {
                        producer.flush();
                    }
                }
                producer.flush();
            });
            long last = backlog + live;
            legacy.await(l -> l.startsWith("RDATA receipts " + last + " "), WAIT);
            writer.get();

            List<String> lines = legacy.received().stream()
                    .filter(l -> l.startsWith("RDATA") || l.startsWith("POSITION")).toList();
            List<String> positions = lines.stream().filter(l -> l.startsWith("POSITION")).toList();
            assertThat(positions).hasSize(1);
            long position = Long.parseLong(positions.get(0).split(" ")[2]);
            assertThat(position).isBetween((long) backlog, last);
            int at = lines.indexOf(positions.get(0));
            assertTokens(legacyTokens(lines.subList(0, at)), expectedTokens(20_000, position));
            assertTokens(legacyTokens(lines.subList(at + 1, lines.size())), expectedTokens(position, last));
            assertThat(lines).noneMatch(l -> l.contains(" master "));
            assertThat(server.metrics().catchUpRows()).isGreaterThanOrEqualTo(position - 20_000);

            // The v1.22 client saw the live rows in its own dialect and nothing of the 2017 subscription.
            modern.await(l -> l.startsWith("RDATA receipts master " + last + " "), WAIT);
            List<String> modernRows = modern.received().stream().filter(l -> l.startsWith("RDATA")).toList();
            assertThat(modernRows).allMatch(l -> l.startsWith("RDATA receipts master "));
            assertTokens(modernRows.stream().map(l -> l.split(" ", 5)[3]).toList(), expectedTokens(backlog, last));
            assertThat(modern.received()).filteredOn(l -> l.startsWith("POSITION")).allMatch(l -> l.split(" ").length == 5);
        }
    }

    @Test
    void allWithATokenCatchesUpEveryStream() throws Exception {
        publish("master", 3, "$e3");
        publish(StreamRecord.position("events", "master", 9));
        producer.flush();
        start(Dialect.V0_21, 10_000);
        try (LineClient c = new LineClient(server.address())) {
            c.send("NAME w\nREPLICATE ALL 2\n");
            c.await(l -> l.equals("POSITION events 9"), WAIT);
            c.await(l -> l.equals("POSITION receipts 3"), WAIT);
            assertThat(c.received()).containsSubsequence("RDATA receipts 3 " + "[\"!r:test.local\",\"m.read\","
                    + "\"@alice:test.local\",\"$e3\",{\"ts\":1700000000000,\"pad\":\"" + "p".repeat(300) + "\"}]",
                    "POSITION receipts 3");
        }
    }

    @Test
    void allNowAnnouncesEveryStream() throws Exception {
        publish("master", 4, "$e4");
        producer.flush();
        start(Dialect.V0_21, 10_000);
        List<String> streams = SynapseVersion.V1_66.catalog().announcedStreams(false);
        try (LineClient c = new LineClient(server.address())) {
            c.send("NAME w\nREPLICATE ALL NOW\n");
            String lastStream = streams.get(streams.size() - 1);
            c.await(l -> l.startsWith("POSITION " + lastStream + " "), WAIT);
            assertThat(c.received()).filteredOn(l -> l.startsWith("POSITION"))
                    .extracting(l -> l.split(" ")[1]).containsExactlyElementsOf(streams);
            assertThat(c.received()).contains("POSITION receipts 4");
        }
    }

    @Test
    void anUnknownStreamGetsAnErrorAndAClose() throws Exception {
        start(Dialect.V0_21, 10_000);
        try (LineClient c = new LineClient(server.address())) {
            c.send("NAME w\nREPLICATE nosuchstream 5\n");
            c.await(l -> l.equals("ERROR failed to handle replicate: unknown stream nosuchstream"), WAIT);
            c.awaitClosed(WAIT);
        }
    }

    @Test
    void aSlowClientPausesItsCatchUpAndIsOnlyCutOffByTheCongestionRule() throws Exception {
        int backlog = 50_000;
        int maxPending = 1_000;
        publishRange(1, backlog);
        producer.flush();
        start(Dialect.V0_21, maxPending);
        try (Socket slow = new Socket()) {
            slow.setReceiveBufferSize(64 * 1024);
            slow.connect(server.address(), 5000);
            slow.getOutputStream().write("NAME slow\nREPLICATE receipts 0\n".getBytes(StandardCharsets.UTF_8));

            // Not reading: the catch-up stops with a bounded backlog instead of buffering the topic.
            await().atMost(WAIT).until(() -> server.metrics().catchUpPauses() > 0);
            long sent = server.metrics().catchUpRows();
            await().during(Duration.ofSeconds(2)).atMost(WAIT).until(() -> server.metrics().catchUpRows() == sent);
            assertThat(sent).isLessThan(backlog);
            assertThat(server.largestBacklog()).isLessThanOrEqualTo(maxPending);

            // Reading again: the whole backlog arrives, in order, then the POSITION.
            slow.setSoTimeout((int) WAIT.toMillis());
            BufferedReader in = new BufferedReader(new InputStreamReader(slow.getInputStream(),
                    StandardCharsets.UTF_8));
            List<String> lines = new ArrayList<>();
            String line;
            while ((line = in.readLine()) != null && !line.startsWith("POSITION")) {
                lines.add(line);
            }
            assertThat(line).isEqualTo("POSITION receipts " + backlog);
            assertTokens(legacyTokens(lines), expectedTokens(0, backlog));

            // Live and not reading: the usual congestion rule applies.
            publishRange(backlog + 1, backlog + 20_000);
            producer.flush();
            await().atMost(WAIT).until(() -> server.metrics().connections() == 0);
            List<String> after = new ArrayList<>();
            try {
                while ((line = in.readLine()) != null) {
                    after.add(line);
                }
            } catch (java.net.SocketException e) {
                // Closed with unread data: the server may reset the connection.
            }
            assertThat(legacyTokens(after).size()).isLessThan(20_000);
            // The ERROR queues behind what the peer never read, so it may be lost with the close.
            assertThat(after).filteredOn(l -> l.startsWith("ERROR")).allMatch(l -> l.equals("ERROR Failed to keep up"));
        }
    }
}
