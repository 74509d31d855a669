package io.synapsebridge.connectors.capture;

import static org.assertj.core.api.Assertions.assertThat;

import io.synapsebridge.connectors.mapping.Mappers;
import io.synapsebridge.contract.StreamRecord;
import io.synapsebridge.contract.StreamTopics;
import io.synapsebridge.devstack.EmbeddedPostgresServer;
import io.synapsebridge.sim.CommittedRow;
import io.synapsebridge.sim.PendingWrite;
import io.synapsebridge.sim.SynapseWriter;
import io.synapsebridge.sim.id.Stream;
import io.synapsebridge.sim.load.LoadGenerator;
import io.synapsebridge.sim.load.LoadProfile;
import io.synapsebridge.sim.load.StreamMix;
import io.synapsebridge.sim.rows.Population;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Caches released by the snapshot horizon alone: no writer connection, no {@code stream_positions} (Synapse records
 * none for caches), ids drawn inside the writing transactions by several writers, commits out of id order and
 * rollbacks.
 */
class CachesHorizonTest extends CaptureServicesTest {
    private static int runs;

    private String database;
    private StreamTopics topics;

    @BeforeEach
    void freshDatabaseAndTopics() throws Exception {
        runs++;
        database = "caches" + runs;
        topics = new StreamTopics("hz" + runs);
        createSynapseDatabase(database);
        capture = Capture.start(new CaptureSettings(
                new DatabaseSettings("localhost", postgres.port(), database, EmbeddedPostgresServer.USER, null),
                "slot" + runs, "bridge", kafka.bootstrapServers(), topics, (short) 1, Duration.ofMillis(5),
                Duration.ofMillis(250)), Mappers.v1_66(), Mappers.STREAMS_V1_66);
    }

    @AfterEach
    void stopCapture() {
        capture.close();
    }

    private List<StreamRecord> caches() {
        return TopicReader.readAll(kafka.bootstrapServers(), topics, "caches");
    }

    @Test
    void anInvalidationCommittedAboveAnOpenTransactionsIdWaitsForIt() {
        SynapseWriter writer = SynapseWriter.start(postgres.dataSource(database));
        PendingWrite open = writer.begin(Stream.CACHES);
        PendingWrite rolledBack = writer.begin(Stream.CACHES);
        PendingWrite later = writer.begin(Stream.CACHES);
        later.commit();

        // Captured, and the horizon has gone round many times since: still nothing at or above the open id.
        awaitCapture(() -> capture.metrics().held() == 1);
        long rounds = capture.cachesHorizonRounds();
        awaitCapture(() -> capture.cachesHorizonRounds() > rounds + 20);
        assertThat(caches()).allSatisfy(r -> assertThat(r.token()).isLessThan(open.token()));

        rolledBack.rollback();
        open.commit();
        awaitCapture(() -> caches().stream().anyMatch(r -> r.token() >= later.token()));
        List<StreamRecord> records = caches();
        assertThat(records.stream().filter(StreamRecord::isRow).map(StreamRecord::token).toList())
                .containsExactly(open.token(), later.token());
        StreamChecks.assertExactlyOnceInTokenOrder(records, writer.commitLog().rows("caches"));
        assertThat(capture.metrics().deadLetters()).isZero();
    }

    @Test
    void concurrentWritersOutOfOrderCommitsAndRollbacksComeOutExactlyOnceInTokenOrder() {
        // The main process invalidates caches on their own and inside event transactions; a worker writes its own.
        SynapseWriter master = SynapseWriter.start(postgres.dataSource(database));
        SynapseWriter worker = SynapseWriter.start(postgres.dataSource(database), "worker1", Population.small());
        LoadProfile profile = LoadProfile.of(300, Duration.ofSeconds(5)).withThreads(4)
                .withRollbackProbability(0.1).withOutOfOrderProbability(0.5);
        CompletableFuture<Void> masterLoad = CompletableFuture.runAsync(() -> run(new LoadGenerator(master,
                profile.withMix(StreamMix.of(Map.of(Stream.CACHES, 3, Stream.EVENTS, 1))))));
        CompletableFuture<Void> workerLoad = CompletableFuture.runAsync(() -> run(new LoadGenerator(worker,
                profile.withMix(StreamMix.only(Stream.CACHES)))));
        CompletableFuture.allOf(masterLoad, workerLoad).join();
        long lastMaster = master.write(Stream.CACHES);
        long lastWorker = worker.write(Stream.CACHES);

        awaitCapture(() -> {
            List<StreamRecord> records = caches();
            return records.stream().anyMatch(r -> r.instance().equals("master") && r.token() >= lastMaster)
                    && records.stream().anyMatch(r -> r.instance().equals("worker1") && r.token() >= lastWorker);
        });
        List<CommittedRow> committed = new ArrayList<>(master.commitLog().rows("caches"));
        committed.addAll(worker.commitLog().rows("caches"));
        assertThat(master.commitLog().rollbacks() + worker.commitLog().rollbacks()).isPositive();
        assertThat(master.commitLog().rows("events")).isNotEmpty();
        StreamChecks.assertExactlyOnceInTokenOrder(caches(), committed);
        assertThat(capture.metrics().deadLetters()).isZero();
        assertThat(capture.metrics().unreleasableRows()).doesNotContainKey("caches");
    }

    private static void run(LoadGenerator load) {
        try {
            load.run();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
