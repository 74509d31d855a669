package io.synapsebridge.cli.dev;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import io.synapsebridge.adapter.commands.WorkerCommandSink;
import io.synapsebridge.adapter.http.CatchUpServer;
import io.synapsebridge.adapter.http.CatchUpSettings;
import io.synapsebridge.adapter.server.ReplicationServer;
import io.synapsebridge.adapter.server.ServerSettings;
import io.synapsebridge.connectors.capture.Capture;
import io.synapsebridge.connectors.capture.CaptureSettings;
import io.synapsebridge.connectors.capture.DatabaseSettings;
import io.synapsebridge.connectors.frontier.WriterEndpoint;
import io.synapsebridge.connectors.mapping.Mappers;
import io.synapsebridge.contract.StreamRecord;
import io.synapsebridge.contract.StreamRecordCodec;
import io.synapsebridge.contract.StreamTopics;
import io.synapsebridge.devstack.EmbeddedKafkaBroker;
import io.synapsebridge.devstack.EmbeddedPostgresServer;
import io.synapsebridge.protocol.command.Command;
import io.synapsebridge.protocol.rows.SynapseVersion;
import io.synapsebridge.sim.SynapseWriter;
import io.synapsebridge.sim.id.Stream;
import io.synapsebridge.sim.replication.MemoryStreams;
import io.synapsebridge.sim.replication.PositionAnnouncer;
import io.synapsebridge.sim.replication.ReplicationHttpListener;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.Set;
import java.util.concurrent.Callable;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The in-memory streams through the whole bridge, with real Postgres, Kafka and Debezium: the Synapse-like main
 * process sends typing, presence_federation and federation rows on its replication port; capture publishes them
 * from its connection to that port; the replication server replays them to a worker. The connection is dropped and
 * the main process restarted on the way.
 */
class MemoryStreamsEndToEndTest {
    private static final Duration WAIT = Duration.ofSeconds(60);
    private static final String SERVER_NAME = "mem.local";
    private static final String DATABASE = "synapse";

    private final StreamTopics topics = new StreamTopics("mem");
    private final StreamRecordCodec codec = new StreamRecordCodec();
    private EmbeddedPostgresServer postgres;
    private EmbeddedKafkaBroker kafka;
    private SynapseWriter writer;
    private PositionAnnouncer announcer;
    private ReplicationHttpListener writerHttp;
    private Capture capture;
    private ReplicationServer server;
    private CatchUpServer catchUp;

    @BeforeEach
    void startBridge() {
        postgres = EmbeddedPostgresServer.start(0);
        postgres.createDatabase(DATABASE);
        SchemaSetup.apply(postgres, DATABASE);
        kafka = EmbeddedKafkaBroker.start(0);
        writer = SynapseWriter.start(postgres.dataSource(DATABASE));
        announcer = PositionAnnouncer.start(writer, "127.0.0.1", 0, SERVER_NAME);
        // Serves whichever main process runs now: the test restarts it.
        writerHttp = ReplicationHttpListener.start("127.0.0.1", 0, () -> announcer.memoryStreams(), "s3cret");
        capture = startCapture();
        server = ReplicationServer.start(ServerSettings.defaults(SERVER_NAME).withPort(0), kafka.bootstrapServers(),
                topics, new WorkerCommandSink() {
                    @Override
                    public void accept(String connection, Command command) {
                    }

                    @Override
                    public void close() {
                    }
                });
        catchUp = CatchUpServer.start(CatchUpSettings.defaults().withPort(0), kafka.bootstrapServers(), topics,
                SynapseVersion.V1_66);
    }

    private Capture startCapture() {
        CaptureSettings settings = CaptureSettings.defaults(new DatabaseSettings("127.0.0.1", postgres.port(),
                DATABASE, EmbeddedPostgresServer.USER, null), kafka.bootstrapServers(), topics);
        WriterEndpoint endpoint = new WriterEndpoint("127.0.0.1", announcer.address().getPort(), SERVER_NAME,
                "capture", writerHttp.address().getPort(), "s3cret");
        return Capture.start(settings, Mappers.v1_66(), Mappers.STREAMS_V1_66, endpoint, Mappers.ANNOUNCED_V1_66);
    }

    @AfterEach
    void stopBridge() {
        for (AutoCloseable c : new AutoCloseable[] {catchUp, server, capture, writerHttp, announcer, kafka,
                postgres}) {
            try {
                if (c != null) {
                    c.close();
                }
            } catch (Exception e) {
                // The others must stop all the same.
            }
        }
    }

    @Test
    void inMemoryRowsReachTheirTopicsAndWorkersOnceAndAWriterRestartStartsANewRun() throws Exception {
        try (RecordingWorker worker = new RecordingWorker(server.address(), "worker1")) {
            awaitConnected();
            MemoryStreams memory = announcer.memoryStreams();
            memory.typing("!a:mem.local", List.of("@alice:mem.local"));
            memory.typing("!a:mem.local", List.of("@alice:mem.local", "@bob:mem.local"));
            memory.presenceFederation(List.of("one.example", "two.example"), List.of("@alice:mem.local"));
            memory.federation("e", JsonNodeFactory.instance.objectNode().put("edu_type", "m.test"));
            await(() -> topic("typing").size() == 2 && topic("presence_federation").size() == 2
                    && topic("federation").stream().anyMatch(StreamRecord::isRow));

            // The writer connection drops and comes back: nothing is published twice, later rows follow.
            announcer.disconnectAll();
            awaitConnected();
            memory.typing("!a:mem.local", List.of());
            await(() -> topic("typing").size() == 3);

            // The main process restarts: its in-memory tokens start again.
            int port = announcer.address().getPort();
            announcer.close();
            announcer = PositionAnnouncer.start(writer, "127.0.0.1", port, SERVER_NAME);
            await(() -> topic("typing").size() == 4);
            announcer.memoryStreams().typing("!c:mem.local", List.of("@carol:mem.local"));
            await(() -> topic("typing").size() == 5);

            assertThat(topic("typing")).containsExactly(
                    StreamRecord.row("typing", "master", 1, typing("!a:mem.local", "@alice:mem.local")),
                    StreamRecord.row("typing", "master", 2, typing("!a:mem.local", "@alice:mem.local",
                            "@bob:mem.local")),
                    StreamRecord.row("typing", "master", 3, typing("!a:mem.local")),
                    StreamRecord.reset("typing", "master", 1, 0),
                    StreamRecord.row("typing", "master", 1, typing("!c:mem.local", "@carol:mem.local")).inRun(1));
            assertThat(topic("presence_federation").stream().filter(StreamRecord::isRow))
                    .extracting(StreamRecord::token, r -> r.row().toString())
                    .containsExactly(
                            org.assertj.core.groups.Tuple.tuple(1L,
                                    "{\"destination\":\"one.example\",\"user_id\":\"@alice:mem.local\"}"),
                            org.assertj.core.groups.Tuple.tuple(1L,
                                    "{\"destination\":\"two.example\",\"user_id\":\"@alice:mem.local\"}"));
            // The main process's federation counter starts at 1, so capture's first connection found it there.
            await(() -> topic("federation").size() == 3);
            assertThat(topic("federation")).containsExactly(
                    StreamRecord.position("federation", "master", 1),
                    StreamRecord.row("federation", "master", 2, JsonNodeFactory.instance.objectNode()
                            .put("type", "e").set("data", JsonNodeFactory.instance.objectNode()
                                    .put("edu_type", "m.test"))),
                    StreamRecord.reset("federation", "master", 1, 1));

            Awaitility.await().atMost(WAIT).until(() -> worker.lines().contains(
                    "RDATA typing master 1 [\"!c:mem.local\",[\"@carol:mem.local\"]]"));
            assertThat(worker.lines().stream().filter(l -> l.contains(" typing ")).toList()).containsExactly(
                    "POSITION typing master 0 0",
                    "RDATA typing master 1 [\"!a:mem.local\",[\"@alice:mem.local\"]]",
                    "RDATA typing master 2 [\"!a:mem.local\",[\"@alice:mem.local\",\"@bob:mem.local\"]]",
                    "RDATA typing master 3 [\"!a:mem.local\",[]]",
                    "POSITION typing master 0 0",
                    "RDATA typing master 1 [\"!c:mem.local\",[\"@carol:mem.local\"]]");
            assertThat(worker.lines()).containsSubsequence(
                    "RDATA presence_federation master batch [\"one.example\",\"@alice:mem.local\"]",
                    "RDATA presence_federation master 1 [\"two.example\",\"@alice:mem.local\"]");
        }

        // A worker catching up from 0 over HTTP gets the latest run's rows only.
        JsonNode updates = catchUp("typing", 0, 1);
        assertThat(updates.toString()).isEqualTo(
                "{\"updates\":[[1,[\"!c:mem.local\",[\"@carol:mem.local\"]]]],\"upto_token\":1,\"limited\":false}");

        // Capture restarts and picks up where the topics end: the run goes on, nothing is repeated, and what the
        // writer sent while capture was down is fetched from its HTTP listener, as a worker fetches it.
        capture.close();
        announcer.memoryStreams().typing("!c:mem.local", List.of());
        announcer.memoryStreams().presenceFederation(List.of("three.example"), List.of("@carol:mem.local"));
        capture = startCapture();
        awaitConnected();
        announcer.memoryStreams().typing("!d:mem.local", List.of("@dan:mem.local"));
        await(() -> topic("typing").size() == 7);
        assertThat(topic("typing").subList(5, 7)).containsExactly(
                StreamRecord.row("typing", "master", 2, typing("!c:mem.local")).inRun(1),
                StreamRecord.row("typing", "master", 3, typing("!d:mem.local", "@dan:mem.local")).inRun(1));
        await(() -> topic("presence_federation").stream().anyMatch(r -> r.token() == 1 && r.run() == 1));
        assertThat(topic("presence_federation").stream().filter(r -> r.run() == 1)).containsExactly(
                StreamRecord.reset("presence_federation", "master", 1, 0),
                StreamRecord.row("presence_federation", "master", 1, JsonNodeFactory.instance.objectNode()
                        .put("destination", "three.example").put("user_id", "@carol:mem.local")).inRun(1));
    }

    private static com.fasterxml.jackson.databind.node.ObjectNode typing(String room, String... users) {
        var row = JsonNodeFactory.instance.objectNode().put("room_id", room);
        var ids = row.putArray("user_ids");
        for (String u : users) {
            ids.add(u);
        }
        return row;
    }

    /**
     * Waits until capture follows the writer on a connection made now: a push_rules row is published only once the
     * writer announced its position to capture, after the row committed.
     */
    private void awaitConnected() throws Exception {
        long token = writer.write(Stream.PUSH_RULES);
        await(() -> topic("push_rules").stream().anyMatch(r -> r.token() >= token));
    }

    private void await(Callable<Boolean> condition) {
        Awaitility.await().atMost(WAIT).until(() -> {
            if (capture.stopped().isCompletedExceptionally()) {
                capture.stopped().join();
            }
            return condition.call();
        });
    }

    private JsonNode catchUp(String stream, long from, long upto) throws Exception {
        HttpResponse<String> response = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(
                "http://127.0.0.1:" + catchUp.address().getPort() + "/_synapse/replication/get_repl_stream_updates/"
                        + stream + "/t1?from_token=" + from + "&upto_token=" + upto)).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).isEqualTo(200);
        return new ObjectMapper().readTree(response.body());
    }

    private List<StreamRecord> topic(String stream) {
        Properties p = new Properties();
        p.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, kafka.bootstrapServers());
        p.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        List<StreamRecord> out = new ArrayList<>();
        try (KafkaConsumer<String, byte[]> c = new KafkaConsumer<>(p, new StringDeserializer(),
                new ByteArrayDeserializer())) {
            TopicPartition tp = new TopicPartition(topics.stream(stream), 0);
            c.assign(Set.of(tp));
            c.seekToBeginning(Set.of(tp));
            long end = c.endOffsets(Set.of(tp)).get(tp);
            long deadline = System.nanoTime() + WAIT.toNanos();
            while (c.position(tp) < end && System.nanoTime() < deadline) {
                for (ConsumerRecord<String, byte[]> r : c.poll(Duration.ofMillis(100))) {
                    out.add(codec.decode(r.value()));
                }
            }
        }
        return out;
    }
}
