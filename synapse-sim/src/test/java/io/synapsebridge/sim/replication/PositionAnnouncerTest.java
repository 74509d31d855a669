package io.synapsebridge.sim.replication;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import io.synapsebridge.protocol.command.PositionCommand;
import io.synapsebridge.sim.CommittedRow;
import io.synapsebridge.sim.PendingWrite;
import io.synapsebridge.sim.PostgresFixture;
import io.synapsebridge.sim.SynapseWriter;
import io.synapsebridge.sim.id.Stream;
import io.synapsebridge.sim.load.LoadGenerator;
import io.synapsebridge.sim.load.LoadProfile;
import io.synapsebridge.sim.load.LoadReport;
import java.io.IOException;
import java.sql.SQLException;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class PositionAnnouncerTest {
    private static final String SERVER_NAME = "test.local";
    private static final Duration DEADLINE = Duration.ofSeconds(10);
    private static final List<String> V1_66_WRITER_STREAMS = List.of("events", "backfill", "presence", "receipts",
            "push_rules", "pushers", "caches", "device_lists", "to_device", "tag_account_data", "account_data",
            "user_signature");
    /** Every stream REPLICATE announces, in v1.66's order: the in-memory ones too. */
    private static final List<String> V1_66_ANNOUNCED = List.of("events", "backfill", "presence",
            "presence_federation", "typing", "receipts", "push_rules", "pushers", "caches", "device_lists", "to_device",
            "federation", "tag_account_data", "account_data", "user_signature");

    private static PostgresFixture postgres;
    private SynapseWriter writer;
    private PositionAnnouncer announcer;

    @BeforeAll
    static void startPostgres() {
        postgres = new PostgresFixture();
    }

    @AfterAll
    static void stopPostgres() {
        postgres.close();
    }

    private void startWriterAndAnnouncer() throws SQLException {
        writer = SynapseWriter.start(postgres.freshSynapseDatabase());
        announcer = PositionAnnouncer.start(writer, "127.0.0.1", 0, SERVER_NAME);
    }

    @AfterEach
    void stopAnnouncer() {
        if (announcer != null) {
            announcer.close();
        }
    }

    @Test
    void greetsWithServerThenPingAndPingsAgainWhileIdle() throws Exception {
        startWriterAndAnnouncer();
        assertThat(announcer.address().getPort()).isPositive();
        try (ReplicationClient client = ReplicationClient.connect(announcer.address())) {
            await().atMost(DEADLINE).until(() -> client.lines().size() >= 2);
            assertThat(client.lines().get(0)).isEqualTo("SERVER test.local");
            assertThat(client.lines().get(1)).matches("PING \\d+");

            // Synapse checks every 5 s and pings when it sent nothing for 5 s: the next PING within 5-10 s.
            await().atMost(Duration.ofSeconds(12)).until(() -> client.lines().size() >= 3);
            assertThat(client.lines().get(2)).matches("PING \\d+");

            announcer.close();
            await().atMost(DEADLINE).until(client::ended);
        }
    }

    @Test
    void replicateAnnouncesEveryStreamAtItsTokenToEveryConnection() throws Exception {
        startWriterAndAnnouncer();
        // The rises of these writes are announced on the announcer's own thread: wait until an observer has seen
        // them all, so that the clients below connect after them and see only what REPLICATE sends.
        try (ReplicationClient observer = ReplicationClient.connect(announcer.address())) {
            await().atMost(DEADLINE).until(() -> observer.lines().size() >= 2);
            for (Stream stream : Stream.values()) {
                writer.write(stream);
            }
            for (String stream : V1_66_WRITER_STREAMS) {
                long token = writer.currentToken(ReplicationStreams.generator(stream));
                await().atMost(DEADLINE).until(() -> observer.positions(stream).stream()
                        .anyMatch(p -> p.newToken() == token));
            }
        }
        try (ReplicationClient worker = ReplicationClient.connect(announcer.address());
             ReplicationClient bystander = ReplicationClient.connect(announcer.address())) {
            await().atMost(DEADLINE).until(() -> bystander.lines().size() >= 2);
            worker.handshake("worker1");

            for (ReplicationClient client : List.of(worker, bystander)) {
                await().atMost(DEADLINE).until(() -> client.positions().size() >= V1_66_ANNOUNCED.size());
                assertThat(client.positions()).extracting(PositionCommand::stream)
                        .containsExactlyElementsOf(V1_66_ANNOUNCED);
                assertThat(client.positions()).allSatisfy(p -> {
                    Stream generator = ReplicationStreams.generator(p.stream());
                    long token = generator == null ? MemoryStreams.startingTokens().get(p.stream())
                            : writer.currentToken(generator);
                    assertThat(p).isEqualTo(PositionCommand.announce(p.stream(), "master", token));
                });
            }
            assertThat(worker.lines().get(0)).isEqualTo("SERVER test.local");
        }
    }

    @Test
    void anOutOfOrderCommitIsNotAnnouncedUntilTheEarlierIdCommits() throws Exception {
        startWriterAndAnnouncer();
        try (ReplicationClient client = replicatingClient()) {
            PendingWrite earlier = writer.begin(Stream.EVENTS);
            PendingWrite later = writer.begin(Stream.EVENTS);
            long before = earlier.token() - 1;

            later.commit();
            assertThat(announcedAfterReplicate(client, "events")).isEqualTo(before);
            assertThat(client.positions("events")).allSatisfy(p -> assertThat(p.newToken()).isEqualTo(before));

            earlier.commit();
            await().atMost(DEADLINE).untilAsserted(() -> assertThat(client.positions("events"))
                    .last().isEqualTo(new PositionCommand("events", "master", before, later.token())));
        }
    }

    @Test
    void aRolledBackIdLetsThePositionPassTheGap() throws Exception {
        startWriterAndAnnouncer();
        try (ReplicationClient client = replicatingClient()) {
            PendingWrite gap = writer.begin(Stream.PUSH_RULES);
            PendingWrite later = writer.begin(Stream.PUSH_RULES);
            long before = gap.token() - 1;

            later.commit();
            assertThat(announcedAfterReplicate(client, "push_rules")).isEqualTo(before);

            gap.rollback();
            await().atMost(DEADLINE).untilAsserted(() -> assertThat(client.positions("push_rules"))
                    .last().isEqualTo(new PositionCommand("push_rules", "master", before, later.token())));
        }
    }

    @Test
    void aDeviceListWriteMovesDeviceListsAndUserSignature() throws Exception {
        startWriterAndAnnouncer();
        try (ReplicationClient client = replicatingClient()) {
            long before = writer.currentToken(Stream.DEVICE_LISTS);
            long token = writer.write(Stream.DEVICE_LISTS);

            for (String stream : List.of("device_lists", "user_signature")) {
                await().atMost(DEADLINE).untilAsserted(() -> assertThat(client.positions(stream))
                        .last().isEqualTo(new PositionCommand(stream, "master", before, token)));
            }
        }
    }

    @Test
    void underConcurrentWritesEachStreamRisesInOrderAndNeverPassesAnUncommittedRow() throws Exception {
        startWriterAndAnnouncer();
        List<Announced> announced = new CopyOnWriteArrayList<>();
        try (ReplicationClient client = ReplicationClient.connect(announcer.address(),
                p -> announced.add(new Announced(p, committedUpTo(p))))) {
            client.handshake("capture");
            await().atMost(DEADLINE).until(() -> client.positions().size() >= V1_66_ANNOUNCED.size());

            LoadReport report = new LoadGenerator(writer, LoadProfile.of(300, Duration.ofSeconds(2)).withThreads(8)
                    .withRollbackProbability(0.1).withOutOfOrderProbability(0.3)).run();
            // A thread holding one write open while it starts another on the same key gives up after the lock
            // timeout (see PendingWrite): rarely, and that write is rolled back like any other.
            assertThat(report.failed()).isLessThanOrEqualTo(report.attempted() / 100);
            assertThat(report.committed()).isPositive();
            assertThat(report.rolledBack()).isPositive();

            for (String stream : V1_66_WRITER_STREAMS) {
                long current = writer.currentToken(ReplicationStreams.generator(stream));
                await().atMost(DEADLINE).untilAsserted(() -> assertThat(client.positions(stream))
                        .last().extracting(PositionCommand::newToken).isEqualTo(current));

                List<PositionCommand> positions = client.positions(stream);
                assertThat(positions.size()).as(stream).isGreaterThan(1);
                for (int i = 1; i < positions.size(); i++) {
                    PositionCommand previous = positions.get(i - 1);
                    PositionCommand next = positions.get(i);
                    assertThat(next.prevToken()).as("%s after %s", next, previous).isEqualTo(previous.newToken());
                    assertThat(next.newToken()).as("%s after %s", next, previous).isGreaterThan(previous.newToken());
                }
            }
        }
        // No row at or below an announced token may commit after the announcement.
        for (Announced a : announced) {
            assertThat(committedUpTo(a.position())).as("rows of %s", a.position()).isEqualTo(a.committedThen());
        }
    }

    @Test
    void inMemoryStreamsGoOutAsRdataAndStartLowAgainAfterARestart() throws Exception {
        startWriterAndAnnouncer();
        try (ReplicationClient client = replicatingClient()) {
            MemoryStreams memory = announcer.memoryStreams();
            assertThat(memory.typing("!a:test.local", List.of("@alice:test.local", "@bob:test.local"))).isEqualTo(1);
            assertThat(memory.typing("!a:test.local", List.of())).isEqualTo(2);
            assertThat(memory.presenceFederation(List.of("one.example", "two.example"), List.of("@alice:test.local")))
                    .isEqualTo(1);
            assertThat(memory.federation("e", JsonNodeFactory.instance.objectNode().put("edu_type", "m.test")))
                    .isEqualTo(2);

            await().atMost(DEADLINE).until(() -> rdata(client).size() >= 5);
            assertThat(rdata(client)).containsExactly(
                    "RDATA typing master 1 [\"!a:test.local\",[\"@alice:test.local\",\"@bob:test.local\"]]",
                    "RDATA typing master 2 [\"!a:test.local\",[]]",
                    "RDATA presence_federation master batch [\"one.example\",\"@alice:test.local\"]",
                    "RDATA presence_federation master 1 [\"two.example\",\"@alice:test.local\"]",
                    "RDATA federation master 2 [\"e\",{\"edu_type\":\"m.test\"}]");
            assertThat(announcedAfterReplicate(client, "typing")).isEqualTo(2);
        }

        // The same writer's main process starts again on the same port: its in-memory tokens start again.
        int port = announcer.address().getPort();
        announcer.close();
        announcer = PositionAnnouncer.start(writer, "127.0.0.1", port, SERVER_NAME);
        try (ReplicationClient client = replicatingClient()) {
            assertThat(client.positions("typing")).containsExactly(PositionCommand.announce("typing", "master", 0));
            assertThat(client.positions("federation"))
                    .containsExactly(PositionCommand.announce("federation", "master", 1));
            assertThat(announcer.memoryStreams().typing("!b:test.local", List.of("@carol:test.local"))).isEqualTo(1);
            await().atMost(DEADLINE).until(() -> rdata(client).contains(
                    "RDATA typing master 1 [\"!b:test.local\",[\"@carol:test.local\"]]"));
        }
    }

    private static List<String> rdata(ReplicationClient client) {
        return client.lines().stream().filter(l -> l.startsWith("RDATA ")).toList();
    }

    @Test
    void aLineItCannotAcceptGetsErrorAndClose() throws Exception {
        startWriterAndAnnouncer();
        try (ReplicationClient unparsable = ReplicationClient.connect(announcer.address());
             ReplicationClient serverOnly = ReplicationClient.connect(announcer.address());
             ReplicationClient blank = ReplicationClient.connect(announcer.address())) {
            unparsable.send("NAME x\nBOGUS 1\nPING 1\n");
            serverOnly.send("NAME x\nPOSITION events master 1 2\n");
            // v1.66 compares bytes with str to skip blank lines, so it never does.
            blank.send("NAME x\n\n");

            for (ReplicationClient client : List.of(unparsable, serverOnly, blank)) {
                await().atMost(DEADLINE).until(client::ended);
            }
            assertThat(unparsable.lines()).last().asString().startsWith("ERROR failed to parse line: ");
            assertThat(serverOnly.lines()).last().isEqualTo("ERROR invalid command: POSITION");
            assertThat(blank.lines()).last().asString().startsWith("ERROR failed to parse line: ");
        }
    }

    /** A client that has done the v1.66 handshake and received the first full set of positions. */
    private ReplicationClient replicatingClient() throws IOException {
        ReplicationClient client = ReplicationClient.connect(announcer.address());
        client.handshake("capture");
        await().atMost(DEADLINE).until(() -> client.positions().size() >= V1_66_ANNOUNCED.size());
        return client;
    }

    /**
     * Asks for the full set again and returns the token it gives {@code stream}. The announcer handles every write
     * that ended before the request first, so this is what it has made of them.
     */
    private static long announcedAfterReplicate(ReplicationClient client, String stream) {
        int seen = client.positions().size();
        client.send("REPLICATE \n");
        await().atMost(DEADLINE).until(() -> client.positions().size() >= seen + V1_66_ANNOUNCED.size());
        return client.positions(stream).get(client.positions(stream).size() - 1).newToken();
    }

    private long committedUpTo(PositionCommand position) {
        return writer.commitLog().rows().stream()
                .filter(r -> r.replicationStream().equals(position.stream()))
                .mapToLong(CommittedRow::token)
                .filter(token -> token <= position.newToken())
                .count();
    }

    private record Announced(PositionCommand position, long committedThen) {
    }
}
