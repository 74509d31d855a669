package io.synapsebridge.cli.faults;

import io.synapsebridge.cli.config.KafkaSettings;
import io.synapsebridge.sim.CommittedRow;
import io.synapsebridge.sim.StoredRow;
import io.synapsebridge.sim.StoredStreamRows;
import io.synapsebridge.sim.SynapseWriter;
import io.synapsebridge.sim.SynapseWriterException;
import io.synapsebridge.sim.id.Stream;
import io.synapsebridge.sim.load.StreamMix;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Consumer;
import javax.sql.DataSource;
import org.awaitility.Awaitility;
import org.awaitility.core.ConditionTimeoutException;

/**
 * One run of the bridge under faults: the writer commits concurrently and out of order until {@code rows} rows are
 * committed and every fault is injected; resuming workers follow throughout; then each worker's log is checked
 * against what the database holds.
 */
final class FaultRun {
    static final StreamMix MIX = StreamMix.of(Map.of(Stream.EVENTS, 35, Stream.RECEIPTS, 15, Stream.PRESENCE, 12,
            Stream.TO_DEVICE, 8, Stream.ACCOUNT_DATA, 6, Stream.PUSH_RULES, 4));
    /** The streams {@link #MIX} writes. */
    private static final List<Stream> STREAMS = List.of(Stream.EVENTS, Stream.RECEIPTS, Stream.PRESENCE,
            Stream.TO_DEVICE, Stream.ACCOUNT_DATA, Stream.PUSH_RULES);

    record Settings(long rows, int killsPerPart, int workers, double writesPerSecond, long seed, Duration maxGap,
                    Duration settle) {
    }

    record Report(long rows, long ambiguous, Map<FaultInjector.Fault, Integer> faults, int postgresKills,
                  Map<String, Integer> starts, List<String> workerLines, long lost, long duplicated,
                  List<String> problems, Duration elapsed) {
        String summary() {
            StringBuilder out = new StringBuilder();
            out.append(String.format("rows %d committed (%d more in commits of unknown outcome), time %d s%n", rows,
                    ambiguous, elapsed.toSeconds()));
            out.append("kills ");
            faults.forEach((f, n) -> out.append(f.name().toLowerCase()).append(' ').append(n).append("  "));
            out.append(String.format("%nstarts %s%n", starts));
            workerLines.forEach(l -> out.append(l).append('\n'));
            out.append(String.format("lost %d, duplicated %d%n", lost, duplicated));
            problems.forEach(p -> out.append("  ").append(p).append('\n'));
            return out.toString();
        }
    }

    private FaultRun() {
    }

    static Report run(Settings settings, Path logFile, Consumer<String> progress) throws Exception {
        long start = System.nanoTime();
        try (FaultStack stack = FaultStack.start(logFile)) {
            progress.accept("stack up in " + Duration.ofNanos(System.nanoTime() - start).toSeconds() + " s");
            SynapseWriter writer = stack.writer();
            Map<String, Set<Long>> before = stored(stack.postgres().server().dataSource(FaultStack.DATABASE));
            List<ResumingWorker> workers = new ArrayList<>();
            try {
                for (int i = 0; i < settings.workers(); i++) {
                    workers.add(new ResumingWorker(stack.replication(), stack.catchUp(), "worker" + i));
                }
                FaultLoad load = new FaultLoad(writer, MIX, settings.writesPerSecond(), 4, 0.2, 0.05);
                load.start();
                FaultInjector injector = new FaultInjector(stack, workers, settings.seed(), settings.maxGap(),
                        progress);
                try {
                    injector.run(settings.killsPerPart());
                    Awaitility.await("rows committed").atMost(Duration.ofHours(2))
                            .pollInterval(Duration.ofSeconds(1))
                            .until(() -> writer.commitLog().rows().size() >= settings.rows());
                } finally {
                    load.close();
                }
                progress.accept("load stopped: " + writer.commitLog().rows().size() + " rows");
                moveEveryPositionPastTheLastRow(writer);

                Map<String, Set<Long>> after = stored(stack.postgres().server().dataSource(FaultStack.DATABASE));
                ResumeCheck.Expectations expected = expectations(writer.commitLog().rows(), load.ambiguous(), before,
                        after);
                List<String> problems = new ArrayList<>(unexplained(expected, before, after));
                awaitCaughtUp(workers, expected, settings.settle());
                long lost = 0;
                long duplicated = 0;
                List<String> lines = new ArrayList<>();
                for (ResumingWorker w : workers) {
                    ResumeCheck.Result r = ResumeCheck.check(w.log(), expected);
                    lost += r.lost();
                    duplicated += r.duplicated();
                    r.problems().forEach(p -> problems.add(w.name() + ": " + p));
                    long cutOff = w.log().notes().stream().filter(n -> n.startsWith("catch-up")).count();
                    lines.add(String.format("%s: %d tokens applied, %d connections, %d catch-ups (%d cut off), lost"
                            + " %d, duplicated %d", w.name(), r.applied(), w.connections(), w.catchUps(), cutOff,
                            r.lost(), r.duplicated()));
                }
                TopicAudit.Result topicAudit = TopicAudit.check(stack.bootstrapServers(),
                        KafkaSettings.defaults().topics(), expected);
                topicAudit.problems().forEach(p -> problems.add("topics: " + p));
                lines.add(String.format("topics: %d rows, lost %d, duplicated %d", topicAudit.rows(),
                        topicAudit.lost(), topicAudit.duplicated()));
                Map<String, Integer> starts = Map.of("kafka", stack.kafka().starts(), "capture",
                        stack.capture().starts(), "serve", stack.serve().starts());
                return new Report(writer.commitLog().rows().size(), load.ambiguous().size(), injector.done(),
                        stack.postgres().kills(), starts, lines, lost, duplicated, problems,
                        Duration.ofNanos(System.nanoTime() - start));
            } finally {
                for (ResumingWorker w : workers) {
                    w.close();
                }
            }
        }
    }

    /**
     * One more committed write on every stream, so that every position moves past the rows written before: the
     * last write of a stream may have committed while its position update was cut off by a kill.
     */
    private static void moveEveryPositionPastTheLastRow(SynapseWriter writer) {
        for (Stream stream : STREAMS) {
            Awaitility.await("a write on " + stream.streamName()).atMost(Duration.ofSeconds(60))
                    .ignoreException(SynapseWriterException.class).until(() -> writer.write(stream) > 0);
        }
    }

    private static void awaitCaughtUp(List<ResumingWorker> workers, ResumeCheck.Expectations expected,
                                      Duration settle) {
        try {
            Awaitility.await("every worker caught up").atMost(settle).pollInterval(Duration.ofSeconds(1))
                    .until(() -> workers.stream().allMatch(w -> ResumeCheck.check(w.log(), expected).lost() == 0));
        } catch (ConditionTimeoutException e) {
            // The check that follows says what is missing.
        }
    }

    /**
     * Due to every worker: each committed row, and the rows of commits that failed but are in the database (an
     * ambiguous commit is settled by what the database holds). Allowed besides: ambiguous commits no longer to be
     * seen (replaced in place since), rows there before capture started.
     */
    static ResumeCheck.Expectations expectations(List<CommittedRow> committed, List<CommittedRow> ambiguous,
                                                 Map<String, Set<Long>> before, Map<String, Set<Long>> after) {
        Map<String, TreeSet<Long>> required = new HashMap<>();
        for (CommittedRow row : committed) {
            required.computeIfAbsent(key(row), k -> new TreeSet<>()).add(row.token());
        }
        Map<String, Set<Long>> allowed = new HashMap<>();
        before.forEach((key, tokens) -> allowed.computeIfAbsent(key, k -> new HashSet<>()).addAll(tokens));
        for (CommittedRow row : ambiguous) {
            if (after.getOrDefault(key(row), Set.of()).contains(row.token())) {
                required.computeIfAbsent(key(row), k -> new TreeSet<>()).add(row.token());
            } else {
                allowed.computeIfAbsent(key(row), k -> new HashSet<>()).add(row.token());
            }
        }
        after.forEach((key, tokens) -> allowed.computeIfAbsent(key, k -> new HashSet<>()).addAll(tokens));
        return new ResumeCheck.Expectations(required, allowed);
    }

    /** Rows the database holds that neither the writer's log nor an ambiguous commit accounts for. */
    private static List<String> unexplained(ResumeCheck.Expectations expected, Map<String, Set<Long>> before,
                                            Map<String, Set<Long>> after) {
        List<String> problems = new ArrayList<>();
        after.forEach((key, tokens) -> {
            long count = tokens.stream().filter(t -> !expected.required().getOrDefault(key, new TreeSet<>())
                    .contains(t) && !before.getOrDefault(key, Set.of()).contains(t)).count();
            if (count > 0) {
                problems.add("database: " + count + " rows of " + key + " not from any write");
            }
        });
        return problems;
    }

    /** Tokens the database holds now, per "stream writer". */
    static Map<String, Set<Long>> stored(DataSource db) throws SQLException {
        Map<String, Set<Long>> out = new HashMap<>();
        try (Connection c = db.getConnection()) {
            for (String stream : StoredStreamRows.streams()) {
                for (StoredRow row : StoredStreamRows.read(c, stream)) {
                    String instance = row.instance() == null ? SynapseWriter.MAIN_PROCESS : row.instance();
                    out.computeIfAbsent(stream + " " + instance, k -> new HashSet<>()).add(row.token());
                }
            }
        }
        return out;
    }

    private static String key(CommittedRow row) {
        return row.replicationStream() + " " + row.instance();
    }
}
