package io.synapsebridge.cli.dev;

import static org.assertj.core.api.Assertions.assertThat;

import io.synapsebridge.cli.config.DevSettings;
import io.synapsebridge.cli.config.KafkaSettings;
import io.synapsebridge.sim.CommittedRow;
import io.synapsebridge.sim.SynapseWriter;
import io.synapsebridge.sim.id.Stream;
import io.synapsebridge.sim.load.LoadGenerator;
import io.synapsebridge.sim.load.LoadProfile;
import io.synapsebridge.sim.load.StreamMix;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;

/**
 * Database commit to worker line, through the whole bridge: the Synapse-like writer commits concurrently, out of id
 * order and with rollbacks; capture publishes; the replication server replays to several workers. Each worker must
 * receive every committed row exactly once, in token order, and nothing announced before it was committed.
 */
class EndToEndTest {
    private static final int WORKERS = 3;
    private static final Duration LOAD = Duration.ofSeconds(10);
    private static final Duration WAIT = Duration.ofSeconds(90);

    @Test
    void everyWorkerReceivesEveryCommittedRowOnceInTokenOrder() throws Exception {
        DevSettings dev = new DevSettings(0, 0, 0, 0, null, "e2e.local", 0.0);
        try (DevStack stack = DevStack.start(dev, KafkaSettings.defaults(), line -> { })) {
            SynapseWriter writer = stack.writer();
            writer.write(Stream.PUSH_RULES);
            List<RecordingWorker> workers = new ArrayList<>();
            try {
                for (int i = 0; i < WORKERS; i++) {
                    workers.add(new RecordingWorker(stack.server().address(), "worker" + i));
                }
                // A worker that has heard of push_rules has subscribed: rows committed from now on are due to it.
                Awaitility.await().atMost(WAIT).until(() -> workers.stream().allMatch(w -> w.lines().stream()
                        .anyMatch(l -> l.contains(" push_rules "))));
                int before = writer.commitLog().rows().size();

                LoadProfile profile = LoadProfile.of(200, LOAD).withThreads(4).withOutOfOrderProbability(0.2)
                        .withRollbackProbability(0.05).withMix(StreamMix.of(Map.of(Stream.EVENTS, 35,
                                Stream.RECEIPTS, 15, Stream.PRESENCE, 12, Stream.TO_DEVICE, 8,
                                Stream.ACCOUNT_DATA, 6, Stream.PUSH_RULES, 4)));
                new LoadGenerator(writer, profile).run();
                List<CommittedRow> all = writer.commitLog().rows();
                List<CommittedRow> earlier = all.subList(0, before);
                List<CommittedRow> due = all.subList(before, all.size());
                assertThat(due.size()).as("rows committed under load").isGreaterThan(500);
                assertThat(writer.commitLog().rollbacks()).as("rolled-back writes").isPositive();

                for (RecordingWorker w : workers) {
                    Awaitility.await().atMost(WAIT).until(() -> WireCheck.problems(w.lines(), due, earlier).stream()
                            .noneMatch(p -> p.contains("never arrived")));
                    assertThat(WireCheck.problems(w.lines(), due, earlier)).isEmpty();
                }
            } finally {
                for (RecordingWorker w : workers) {
                    w.close();
                }
            }
        }
    }
}
