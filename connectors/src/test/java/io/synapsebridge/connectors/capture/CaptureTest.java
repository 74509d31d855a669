package io.synapsebridge.connectors.capture;

import static org.assertj.core.api.Assertions.assertThat;

import io.synapsebridge.connectors.mapping.ReceiptsMapper;
import io.synapsebridge.connectors.mapping.StreamPositionsMapper;
import io.synapsebridge.contract.StreamRecord;
import io.synapsebridge.contract.StreamTopics;
import io.synapsebridge.devstack.EmbeddedPostgresServer;
import io.synapsebridge.sim.PendingWrite;
import io.synapsebridge.sim.SynapseWriter;
import io.synapsebridge.sim.id.Stream;
import io.synapsebridge.sim.load.LoadGenerator;
import io.synapsebridge.sim.load.LoadProfile;
import io.synapsebridge.sim.load.StreamMix;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Capture on a real Postgres and a real broker, fed by the Synapse-like writer. */
class CaptureTest extends CaptureServicesTest {
    private static int runs;

    private String database;
    private StreamTopics topics;
    private SynapseWriter writer;

    @BeforeEach
    void freshDatabaseAndTopics() throws Exception {
        runs++;
        database = "synapse" + runs;
        topics = new StreamTopics("cap" + runs);
        createSynapseDatabase(database);
        writer = SynapseWriter.start(postgres.dataSource(database));
    }

    @AfterEach
    void stopCapture() {
        if (capture != null) {
            capture.close();
        }
    }

    private CaptureSettings settings() {
        return new CaptureSettings(
                new DatabaseSettings("localhost", postgres.port(), database, EmbeddedPostgresServer.USER, null),
                "slot" + runs, "bridge", kafka.bootstrapServers(), topics, (short) 1, Duration.ofMillis(5),
                Duration.ofSeconds(1));
    }

    private Capture startCapture() {
        return Capture.start(settings(), List.of(StreamPositionsMapper.v1_66(), new ReceiptsMapper()),
                List.of("receipts"));
    }

    private List<StreamRecord> topic(String stream) {
        return TopicReader.readAll(kafka.bootstrapServers(), topics, stream);
    }

    @Test
    void aRowCommittedBeforeALowerTokenIsHeldUntilTheLowerOneCommits() {
        capture = startCapture();
        PendingWrite a = writer.begin(Stream.RECEIPTS);
        PendingWrite b = writer.begin(Stream.RECEIPTS);
        PendingWrite c = writer.begin(Stream.RECEIPTS);
        c.commit();

        // c is captured but its writer's position stays below a: no row, and no position at or above a.
        awaitCapture(() -> capture.metrics().held() == 1);
        assertThat(topic("receipts")).allSatisfy(r -> {
            assertThat(r.isRow()).isFalse();
            assertThat(r.token()).isLessThan(a.token());
        });

        a.commit();
        b.rollback();
        writer.write(Stream.RECEIPTS); // moves the writer's position past the rolled-back id

        awaitCapture(() -> topic("receipts").stream().filter(StreamRecord::isRow).count() == 3);
        List<StreamRecord> records = topic("receipts");
        assertThat(records.stream().filter(StreamRecord::isRow).map(StreamRecord::token).toList())
                .containsExactly(a.token(), c.token(), c.token() + 1);
        StreamChecks.assertExactlyOnceInTokenOrder(records, writer.commitLog().rows("receipts"));
        assertThat(capture.metrics().deadLetters()).isZero();
    }

    @Test
    void concurrentOutOfOrderCommitsAndRollbacksArePublishedExactlyOnceInTokenOrder() throws Exception {
        capture = startCapture();
        new LoadGenerator(writer, LoadProfile.of(400, Duration.ofSeconds(5)).withThreads(6)
                .withRollbackProbability(0.1).withOutOfOrderProbability(0.5)
                .withMix(StreamMix.only(Stream.RECEIPTS))).run();
        writer.write(Stream.RECEIPTS);
        long last = writer.currentToken(Stream.RECEIPTS);

        awaitCapture(() -> topic("receipts").stream().anyMatch(r -> r.token() >= last));
        List<StreamRecord> records = topic("receipts");
        assertThat(writer.commitLog().rollbacks()).isPositive();
        StreamChecks.assertExactlyOnceInTokenOrder(records, writer.commitLog().rows("receipts"));
    }

    @Test
    void anEventAndTheStateChangesItCausedArePublishedTogetherUnderOneToken() {
        capture = Capture.start(settings(), io.synapsebridge.connectors.mapping.Mappers.v1_66(),
                io.synapsebridge.connectors.mapping.Mappers.STREAMS_V1_66);
        for (int i = 0; i < 30; i++) {
            writer.write(Stream.EVENTS);
        }
        try {
            new LoadGenerator(writer, LoadProfile.of(200, Duration.ofSeconds(4)).withThreads(4)
                    .withRollbackProbability(0.05).withOutOfOrderProbability(0.5)
                    .withMix(StreamMix.only(Stream.EVENTS))).run();
        } catch (InterruptedException e) {
            throw new AssertionError(e);
        }
        writer.write(Stream.EVENTS);
        long last = writer.currentToken(Stream.EVENTS);
        awaitCapture(() -> topic("events").stream().anyMatch(r -> r.token() >= last));
        List<StreamRecord> records = topic("events");
        assertThat(capture.metrics().deadLetters()).isZero();
        StreamChecks.assertExactlyOnceInTokenOrder(records, writer.commitLog().rows("events"));
        assertThat(records).anySatisfy(r -> assertThat(r.isRow() && r.row().get("kind").asText().equals("state"))
                .isTrue());
    }

    @Test
    void aCleanRestartPublishesNothingTwice() {
        capture = startCapture();
        for (int i = 0; i < 20; i++) {
            writer.write(Stream.RECEIPTS);
        }
        long first = writer.currentToken(Stream.RECEIPTS);
        awaitCapture(() -> topic("receipts").stream().anyMatch(r -> r.token() >= first));
        capture.close();

        capture = startCapture();
        for (int i = 0; i < 20; i++) {
            writer.write(Stream.RECEIPTS);
        }
        long second = writer.currentToken(Stream.RECEIPTS);
        awaitCapture(() -> topic("receipts").stream().anyMatch(r -> r.token() >= second));
        StreamChecks.assertExactlyOnceInTokenOrder(topic("receipts"), writer.commitLog().rows("receipts"));
    }
}
