package io.synapsebridge.connectors.capture;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.zaxxer.hikari.HikariDataSource;
import io.synapsebridge.contract.StreamRecord;
import io.synapsebridge.contract.StreamTopics;
import io.synapsebridge.devstack.EmbeddedKafkaBroker;
import io.synapsebridge.devstack.EmbeddedPostgresServer;
import io.synapsebridge.sim.CommittedRow;
import io.synapsebridge.sim.SynapseWriter;
import io.synapsebridge.sim.id.Stream;
import io.synapsebridge.sim.load.LoadGenerator;
import io.synapsebridge.sim.load.LoadProfile;
import io.synapsebridge.sim.load.StreamMix;
import io.synapsebridge.sim.schema.SchemaVersion;
import io.synapsebridge.sim.schema.SynapseSchema;
import java.io.BufferedReader;
import java.io.File;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Capture killed without warning (SIGKILL) at random points while the writer commits out of order and rolls back,
 * then restarted: every committed row is in its topic exactly once, in token order, nothing announced early.
 */
class CaptureCrashTest {
    private static final int KILLS = 5;
    private static final long TARGET_ROWS = 50_000;
    private static final List<String> CHECKED = List.of("events", "receipts", "to_device", "account_data",
            "tag_account_data", "presence");

    private static EmbeddedPostgresServer postgres;
    private static EmbeddedKafkaBroker kafka;
    /** The capture process running now, killed after the test whatever happened. */
    private Process capture;

    @BeforeAll
    static void startServices() {
        postgres = EmbeddedPostgresServer.start(0);
        kafka = EmbeddedKafkaBroker.start(0);
    }

    @AfterEach
    void killCapture() throws InterruptedException {
        if (capture != null) {
            capture.destroyForcibly().waitFor(30, TimeUnit.SECONDS);
        }
    }

    @AfterAll
    static void stopServices() {
        kafka.close();
        postgres.close();
    }

    @Test
    void killedAndRestartedCaptureLosesAndDuplicatesNothing() throws Exception {
        postgres.createDatabase("crash");
        try (Connection c = postgres.dataSource("crash").getConnection()) {
            SynapseSchema.apply(c, SchemaVersion.V1_66);
        }
        StreamTopics topics = new StreamTopics("crash");
        try (HikariDataSource pool = postgres.pooledDataSource("crash", 8)) {
            runAndCheck(topics, SynapseWriter.start(pool));
        }
    }

    private void runAndCheck(StreamTopics topics, SynapseWriter writer) throws Exception {
        StreamMix mix = StreamMix.of(Map.of(Stream.EVENTS, 4, Stream.RECEIPTS, 3, Stream.TO_DEVICE, 2,
                Stream.ACCOUNT_DATA, 1, Stream.PRESENCE, 1));

        capture = startCapture(topics);
        CompletableFuture<Void> load = CompletableFuture.runAsync(() -> {
            try {
                new LoadGenerator(writer, LoadProfile.of(1500, Duration.ofSeconds(300)).withThreads(4)
                        .withRollbackProbability(0.05).withOutOfOrderProbability(0.3).withMix(mix)).run();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        });
        Random random = new Random(42);
        int kills = 0;
        while (kills < KILLS) {
            // Fault injection: kill at a random moment, not a synchronisation wait.
            Thread.sleep(1000 + random.nextInt(3000));
            capture.destroyForcibly().waitFor(30, TimeUnit.SECONDS);
            kills++;
            capture = startCapture(topics);
        }
        await().atMost(Duration.ofMinutes(4)).until(() -> checkedRows(writer) >= TARGET_ROWS || load.isDone());
        load.cancel(true);
        stopLoad(load);
        // Let the positions move past every committed row, then read everything.
        for (Stream s : List.of(Stream.EVENTS, Stream.RECEIPTS, Stream.TO_DEVICE, Stream.ACCOUNT_DATA,
                Stream.PRESENCE)) {
            writer.write(s);
        }
        try {
            for (String stream : CHECKED) {
                long last = writer.commitLog().rows(stream).stream().mapToLong(CommittedRow::token).max().orElse(0);
                await().atMost(Duration.ofMinutes(3)).until(() -> TopicReader.readAll(kafka.bootstrapServers(),
                        topics, stream).stream().anyMatch(r -> r.token() >= last));
            }
        } finally {
            capture.destroyForcibly().waitFor(30, TimeUnit.SECONDS);
        }

        assertThat(kills).isEqualTo(KILLS);
        assertThat(checkedRows(writer)).isGreaterThanOrEqualTo(TARGET_ROWS);
        long published = 0;
        for (String stream : CHECKED) {
            List<StreamRecord> topic = TopicReader.readAll(kafka.bootstrapServers(), topics, stream);
            published += topic.stream().filter(StreamRecord::isRow).count();
            if (stream.equals("to_device")) {
                // One row per recipient and token, however many of its devices got a message.
                StreamChecks.assertEveryTokenPublishedOnce(topic, writer.commitLog().rows(stream));
            } else {
                StreamChecks.assertExactlyOnceInTokenOrder(topic, writer.commitLog().rows(stream));
            }
        }
        System.out.printf("capture crash test: %d committed rows (%d rolled-back writes), %d SIGKILLs, %d rows"
                + " published, lost 0, duplicated 0%n", checkedRows(writer), writer.commitLog().rollbacks(), kills,
                published);
    }

    private static long checkedRows(SynapseWriter writer) {
        return CHECKED.stream().mapToLong(s -> writer.commitLog().rows(s).size()).sum();
    }

    private static void stopLoad(CompletableFuture<Void> load) {
        // The generator's threads stop at their next pacing slot once interrupted; cancel does not interrupt.
        Thread.getAllStackTraces().keySet().stream().filter(t -> t.getName().startsWith("synapse-load-"))
                .forEach(Thread::interrupt);
        await().atMost(Duration.ofSeconds(30)).until(() -> Thread.getAllStackTraces().keySet().stream()
                .noneMatch(t -> t.getName().startsWith("synapse-load-")));
    }

    private Process startCapture(StreamTopics topics) throws Exception {
        String java = System.getProperty("java.home") + File.separator + "bin" + File.separator + "java";
        List<String> command = new ArrayList<>(List.of(java, "-Xmx512m", "-cp", System.getProperty("java.class.path"),
                CaptureProcess.class.getName(), Integer.toString(postgres.port()), "crash", "crash_slot",
                kafka.bootstrapServers(), topics.prefix()));
        Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
        BufferedReader out = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8));
        CompletableFuture<Boolean> started = new CompletableFuture<>();
        Thread pump = new Thread(() -> {
            try {
                for (String line; (line = out.readLine()) != null;) {
                    if (line.contains("capture started")) {
                        started.complete(true);
                    }
                    if (line.contains("ERROR") || line.contains("dead-letter")) {
                        System.out.println("[capture] " + line);
                    }
                }
            } catch (java.io.IOException e) {
                // the process was killed
            }
            started.complete(false);
        });
        pump.setDaemon(true);
        pump.start();
        assertThat(started.get(60, TimeUnit.SECONDS)).as("capture process started").isTrue();
        return p;
    }
}
