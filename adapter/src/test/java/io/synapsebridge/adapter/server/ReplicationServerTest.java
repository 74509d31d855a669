package io.synapsebridge.adapter.server;

import io.synapsebridge.adapter.BrokerTest;
import io.synapsebridge.adapter.StreamTopicsFixture;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.synapsebridge.adapter.commands.WorkerCommandSink;
import io.synapsebridge.contract.StreamRecord;
import io.synapsebridge.contract.StreamRecordCodec;
import io.synapsebridge.contract.StreamTopics;
import io.synapsebridge.protocol.command.Command;
import io.synapsebridge.protocol.command.Dialect;
import io.synapsebridge.protocol.rows.SynapseVersion;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The replication server against a real broker, with stream topics written by a test producer. */
class ReplicationServerTest extends BrokerTest {
    private static final Duration WAIT = Duration.ofSeconds(20);
    private static int prefixes;

    private final StreamRecordCodec codec = new StreamRecordCodec();
    private final List<String> sunk = Collections.synchronizedList(new ArrayList<>());
    private StreamTopics topics;
    private ReplicationServer server;

    @BeforeEach
    void startServer() throws Exception {
        topics = new StreamTopics("t" + (++prefixes));
        StreamTopicsFixture.create(kafka.bootstrapServers(), topics, SynapseVersion.V1_66.catalog().streams());
        publish(StreamRecord.position("events", "master", 41));
        publish(StreamRecord.row("receipts", "master", 7, receipt("$e1")));
        producer.flush();
        server = ReplicationServer.start(ServerSettings.defaults("test.local").withPort(0),
                kafka.bootstrapServers(), topics, new WorkerCommandSink() {
                    @Override
                    public void accept(String connection, Command command) {
                        sunk.add(connection + " " + command.type().wireName() + " " + command.args());
                    }

                    @Override
                    public void close() {
                    }
                });
    }

    @AfterEach
    void stopServer() {
        server.close();
    }

    private void publish(StreamRecord record) {
        producer.send(new ProducerRecord<>(topics.stream(record.stream()), 0, record.instance(),
                codec.encode(record)));
    }

    private static ObjectNode receipt(String eventId) {
        ObjectNode row = JsonNodeFactory.instance.objectNode()
                .put("room_id", "!r:test.local").put("receipt_type", "m.read")
                .put("user_id", "@alice:test.local").put("event_id", eventId).putNull("thread_id");
        row.putObject("data").put("ts", 1700000000000L);
        return row;
    }

    private static ObjectNode event(String eventId) {
        return JsonNodeFactory.instance.objectNode().put("kind", "ev").put("event_id", eventId)
                .put("room_id", "!r:test.local").put("type", "m.room.message").putNull("state_key")
                .putNull("redacts").putNull("relates_to").putNull("membership").put("rejected", false)
                .put("outlier", false);
    }

    private static ObjectNode state(String eventId) {
        return JsonNodeFactory.instance.objectNode().put("kind", "state").put("room_id", "!r:test.local")
                .put("type", "m.room.member").put("state_key", "@alice:test.local").put("event_id", eventId);
    }

    private LineClient replicatingWorker(String name) throws Exception {
        LineClient c = new LineClient(server.address());
        c.send("NAME " + name + "\nPING 1795343826991\nREPLICATE \n");
        c.await(l -> l.startsWith("POSITION receipts "), WAIT);
        return c;
    }

    @Test
    void greetsThenAnnouncesPositionsInStreamOrderOnReplicate() throws Exception {
        try (LineClient c = new LineClient(server.address())) {
            c.await(l -> l.startsWith("PING "), WAIT);
            assertThat(c.received().get(0)).isEqualTo("SERVER test.local");
            assertThat(c.received().get(1)).matches("PING \\d+");

            c.send("NAME worker1\nPING 1795343826991\nREPLICATE \n");
            c.await(l -> l.startsWith("POSITION receipts "), WAIT);
            assertThat(c.received()).containsSubsequence(
                    "POSITION events master 41 41", "POSITION receipts master 7 7");
        }
    }

    @Test
    void liveRowsSharingATokenGoOutAsBatchThenToken() throws Exception {
        try (LineClient c = replicatingWorker("worker1")) {
            publish(StreamRecord.row("events", "master", 42, event("$a")));
            publish(StreamRecord.row("events", "master", 42, state("$a")));
            publish(StreamRecord.row("events", "master", 43, event("$b")));
            publish(StreamRecord.position("events", "master", 50));
            producer.flush();

            c.await(l -> l.startsWith("POSITION events master 43 50"), WAIT);
            List<String> events = c.received().stream().filter(l -> l.contains(" events ")).toList();
            assertThat(events).containsExactly(
                    "POSITION events master 41 41",
                    "RDATA events master batch [\"ev\",[\"$a\",\"!r:test.local\",\"m.room.message\",null,null,null,"
                            + "null,false,false]]",
                    "RDATA events master 42 [\"state\",[\"!r:test.local\",\"m.room.member\",\"@alice:test.local\","
                            + "\"$a\"]]",
                    "RDATA events master 43 [\"ev\",[\"$b\",\"!r:test.local\",\"m.room.message\",null,null,null,"
                            + "null,false,false]]",
                    "POSITION events master 43 50");
            org.awaitility.Awaitility.await().atMost(WAIT).untilAsserted(() ->
                    assertThat(server.metrics().outboundCommands()).containsEntry("SERVER", 1L)
                            .containsEntry("RDATA", 3L).containsEntry("POSITION", 3L).containsKey("PING"));
        }
    }

    @Test
    void firstRowOfAStreamWithNoKnownPositionIsPrecededByOne() throws Exception {
        try (LineClient c = replicatingWorker("worker1")) {
            ObjectNode row = JsonNodeFactory.instance.objectNode().put("user_id", "@alice:test.local");
            publish(StreamRecord.row("push_rules", "master", 15, row));
            producer.flush();
            c.await(l -> l.startsWith("RDATA push_rules"), WAIT);
            assertThat(c.received()).containsSubsequence("POSITION push_rules master 14 14",
                    "RDATA push_rules master 15 [\"@alice:test.local\"]");
        }
    }

    private static ObjectNode typing(String room, String... users) {
        ObjectNode row = JsonNodeFactory.instance.objectNode().put("room_id", room);
        var ids = row.putArray("user_ids");
        for (String u : users) {
            ids.add(u);
        }
        return row;
    }

    @Test
    void aResetAnnouncesTheWritersLowerTokenAndItsNewRunFollows() throws Exception {
        try (LineClient c = replicatingWorker("worker1")) {
            publish(StreamRecord.row("typing", "master", 1, typing("!a:test.local", "@alice:test.local")));
            publish(StreamRecord.row("typing", "master", 2, typing("!a:test.local")));
            publish(StreamRecord.reset("typing", "master", 1, 0));
            publish(StreamRecord.row("typing", "master", 1, typing("!b:test.local", "@bob:test.local")).inRun(1));
            producer.flush();

            c.await(l -> l.startsWith("RDATA typing master 1 [\"!b"), WAIT);
            assertThat(c.received().stream().filter(l -> l.contains(" typing ")).toList()).containsExactly(
                    "POSITION typing master 0 0",
                    "RDATA typing master 1 [\"!a:test.local\",[\"@alice:test.local\"]]",
                    "RDATA typing master 2 [\"!a:test.local\",[]]",
                    "POSITION typing master 0 0",
                    "RDATA typing master 1 [\"!b:test.local\",[\"@bob:test.local\"]]");
        }
        // A server started now learns the writer's token from the topic's tail: the latest run's.
        server.close();
        server = ReplicationServer.start(ServerSettings.defaults("test.local").withPort(0),
                kafka.bootstrapServers(), topics, new DiscardingSink());
        try (LineClient c = replicatingWorker("worker2")) {
            assertThat(c.received()).contains("POSITION typing master 1 1");
        }
    }

    @Test
    void everyConnectionGetsThePositionsWhenAnyReplicates() throws Exception {
        try (LineClient first = replicatingWorker("worker1"); LineClient second = new LineClient(server.address())) {
            int before = (int) first.received().stream().filter(l -> l.startsWith("POSITION receipts")).count();
            second.send("NAME worker2\nREPLICATE \n");
            second.await(l -> l.startsWith("POSITION receipts"), WAIT);
            first.await(l -> first.received().stream().filter(x -> x.startsWith("POSITION receipts")).count()
                    > before, WAIT);
        }
    }

    @Test
    void workerCommandsAreValidatedAndPassedOnAndRemoteServerUpIsRelayed() throws Exception {
        try (LineClient a = replicatingWorker("worker1"); LineClient b = replicatingWorker("worker2")) {
            a.send("USER_SYNC YDUIY @alice:test.local start 1795344180766\n");
            a.send("USER_IP @alice:test.local [\"tok\",\"127.0.0.1\",\"curl/7.88.1\",\"DEV\",1795344180766]\n");
            a.send("FEDERATION_ACK federation_sender1 99\n");
            a.send("REMOTE_SERVER_UP remote.org\n");
            b.await(l -> l.equals("REMOTE_SERVER_UP remote.org"), WAIT);
            assertThat(a.received()).doesNotContain("REMOTE_SERVER_UP remote.org");
            org.awaitility.Awaitility.await().atMost(WAIT).until(() -> sunk.size() >= 4);
            assertThat(sunk).containsExactly(
                    "worker1 USER_SYNC YDUIY @alice:test.local None start 1795344180766",
                    "worker1 USER_IP @alice:test.local [\"tok\",\"127.0.0.1\",\"curl/7.88.1\",\"DEV\",1795344180766]",
                    "worker1 FEDERATION_ACK federation_sender1 99",
                    "worker1 REMOTE_SERVER_UP remote.org");
        }
    }

    @Test
    void protocolErrorsGetErrorAndCloseWhileOthersKeepReceiving() throws Exception {
        try (LineClient healthy = replicatingWorker("healthy")) {
            assertClosedWithError("replicate \n", "ERROR failed to parse line");
            assertClosedWithError("POSITION events master 1 2\n", "ERROR invalid command: POSITION");
            assertClosedWithError("POSITION  events master 1 2\n", "ERROR failed to parse line");
            assertClosedWithError("PING  1\nUSER_SYNC a  b start 1\n", "ERROR failed to parse line");
            assertClosedWithError("FOO bar\n", "ERROR failed to parse line");
            assertClosedWithError("USER_IP @a:b [\"tok\",\"ip\"]\n", "ERROR failed to parse line");
            assertClosedWithError("USER_IP @a:b [not json\n", "ERROR failed to parse line");
            assertClosedWithError("REPLICATE events x\n", "ERROR failed to parse line");
            assertClosedWithError("x".repeat(16385), "ERROR Line length exceeded");
            try (LineClient c = new LineClient(server.address())) {
                c.sendBytes(new byte[] {'N', 'A', 'M', 'E', ' ', (byte) 0xC3, (byte) 0x28, '\n'});
                c.await(l -> l.startsWith("ERROR failed to parse line"), WAIT);
                c.awaitClosed(WAIT);
            }

            publish(StreamRecord.row("receipts", "master", 8, receipt("$e2")));
            producer.flush();
            healthy.await(l -> l.startsWith("RDATA receipts master 8 "), WAIT);
        }
    }

    @Test
    void blankLinesAndCrLfAreHandledAsSynapseDoes() throws Exception {
        try (LineClient c = new LineClient(server.address())) {
            c.send("\n   \nNAME w\n");
            c.send("REPLICATE\r\n");
            c.await(l -> l.startsWith("ERROR failed to parse line"), WAIT);
            c.awaitClosed(WAIT);
        }
    }

    @Test
    void stoppingSaysSoToEveryConnection() throws Exception {
        LineClient c = replicatingWorker("worker1");
        server.close();
        c.await(l -> l.equals("ERROR server stopping"), WAIT);
        c.awaitClosed(WAIT);
        c.close();
        server = ReplicationServer.start(ServerSettings.defaults("test.local").withPort(0),
                kafka.bootstrapServers(), topics, new DiscardingSink());
    }

    @Test
    void theV113DialectAnnouncesOneTokenPositions() throws Exception {
        ServerSettings v113 = settings(Dialect.V1_13, Duration.ofSeconds(5), Duration.ofSeconds(25));
        try (ReplicationServer old = ReplicationServer.start(v113, kafka.bootstrapServers(), topics,
                new DiscardingSink());
             LineClient c = new LineClient(old.address())) {
            c.send("NAME worker1\nREPLICATE\n");
            c.await(l -> l.startsWith("POSITION receipts "), WAIT);
            publish(StreamRecord.position("events", "master", 45));
            publish(StreamRecord.row("receipts", "master", 8, receipt("$e2")));
            producer.flush();
            c.await(l -> l.startsWith("RDATA receipts "), WAIT);
            c.await(l -> l.startsWith("POSITION events master 45"), WAIT);
            assertThat(c.received()).containsSubsequence("SERVER test.local", "POSITION events master 41",
                    "POSITION receipts master 7");
            assertThat(c.received()).contains("POSITION events master 45", "RDATA receipts master 8 "
                    + "[\"!r:test.local\",\"m.read\",\"@alice:test.local\",\"$e2\",{\"ts\":1700000000000}]");
            assertThat(c.received()).filteredOn(l -> l.startsWith("POSITION "))
                    .allMatch(l -> l.split(" ").length == 4);
        }
    }

    @Test
    void aPeerThatPingedThenWentSilentIsTimedOutWhileANetcatSessionStaysAndKeepsReceiving() throws Exception {
        ServerSettings quick = settings(Dialect.DEFAULT, Duration.ofMillis(200), Duration.ofSeconds(1));
        try (ReplicationServer fast = ReplicationServer.start(quick, kafka.bootstrapServers(), topics,
                new DiscardingSink());
             Socket silent = new Socket("127.0.0.1", fast.address().getPort());
             LineClient netcat = new LineClient(fast.address())) {
            // A peer that vanished without a FIN looks like this: it pinged once, then neither sends nor reads.
            silent.getOutputStream().write("NAME gone\nPING 1795343826991\nREPLICATE \n"
                    .getBytes(StandardCharsets.UTF_8));
            // A person typing into nc: one line at a time, no PING of their own.
            netcat.await(l -> l.startsWith("PING "), WAIT);
            netcat.send("NAME me\n");
            netcat.send("REPLICATE\n");
            netcat.await(l -> l.startsWith("POSITION receipts "), WAIT);
            assertThat(netcat.received()).containsSubsequence("SERVER test.local", "POSITION events master 41 41",
                    "POSITION receipts master 7 7");

            org.awaitility.Awaitility.await().atMost(WAIT).until(() -> fast.metrics().connections() == 1);
            silent.setSoTimeout((int) WAIT.toMillis());
            String silentGot = new String(silent.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            assertThat(silentGot).endsWith("ERROR ping timeout\n");

            // Well past the timeout, the nc session is still served: PINGs while idle, then a new row.
            long pingsBefore = netcat.received().stream().filter(l -> l.startsWith("PING ")).count();
            netcat.await(l -> netcat.received().stream().filter(x -> x.startsWith("PING ")).count()
                    >= pingsBefore + 3, WAIT);
            publish(StreamRecord.row("receipts", "master", 8, receipt("$e2")));
            producer.flush();
            netcat.await(l -> l.startsWith("RDATA receipts master 8 "), WAIT);
            assertThat(fast.metrics().connections()).isEqualTo(1);
        }
    }

    private static ServerSettings settings(Dialect dialect, Duration pingInterval, Duration pingTimeout) {
        return new ServerSettings("127.0.0.1", 0, "test.local", dialect, SynapseVersion.V1_66, false, 10_000, 100,
                pingInterval, pingTimeout);
    }

    private void assertClosedWithError(String text, String errorPrefix) throws Exception {
        try (LineClient c = new LineClient(server.address())) {
            c.sendBytes(text.getBytes(StandardCharsets.UTF_8));
            c.await(l -> l.startsWith(errorPrefix), WAIT);
            c.awaitClosed(WAIT);
        }
    }
}
