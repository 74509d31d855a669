package io.synapsebridge.sim;

import static org.assertj.core.api.Assertions.assertThat;

import io.synapsebridge.sim.id.Stream;
import io.synapsebridge.sim.load.LoadGenerator;
import io.synapsebridge.sim.load.LoadProfile;
import io.synapsebridge.sim.load.LoadReport;
import io.synapsebridge.sim.load.StreamMix;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import org.assertj.core.groups.Tuple;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.TimeUnit;
import javax.sql.DataSource;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class LoadGeneratorTest {
    private static PostgresFixture postgres;

    @BeforeAll
    static void startPostgres() {
        postgres = new PostgresFixture();
    }

    @AfterAll
    static void stopPostgres() {
        postgres.close();
    }

    @Test
    void aRateLimitedRunWritesAboutTheRequestedNumberOfIds() throws Exception {
        DataSource db = postgres.freshSynapseDatabase();
        SynapseWriter writer = SynapseWriter.start(db);
        LoadReport report = new LoadGenerator(writer, LoadProfile.of(100, Duration.ofSeconds(2))).run();

        assertThat(report.failed()).isZero();
        assertThat(report.attempted()).isBetween(120L, 205L);
        assertThat(report.rolledBack()).isLessThan(report.committed());
        assertThat(writer.commitLog().commits()).isEqualTo(report.committed());

        // Append-only streams hold exactly what was committed.
        try (Connection c = db.getConnection()) {
            for (String stream : List.of("events", "backfill", "caches", "to_device", "device_lists", "user_signature",
                    "push_rules")) {
                assertThat(StoredStreamRows.read(c, stream)).as(stream)
                        .extracting(StoredRow::token, StoredRow::table)
                        .containsExactlyInAnyOrderElementsOf(writer.commitLog().rows(stream).stream()
                                .map(r -> Tuple.tuple(r.token(), r.table())).toList());
            }
        }
        // Nothing in flight any more: each token is the largest id drawn.
        for (Stream stream : Stream.values()) {
            assertThat(writer.currentToken(stream)).as(stream.name())
                    .isGreaterThanOrEqualTo(writer.commitLog().rows(stream.streamName()).stream()
                            .mapToLong(CommittedRow::token).max().orElse(0));
        }
    }

    @Test
    void streamPositionsIsNeverAheadOfCommittedEvents() throws Exception {
        DataSource db = postgres.freshSynapseDatabase();
        SynapseWriter writer = SynapseWriter.start(db);
        LoadProfile profile = LoadProfile.of(200, Duration.ofSeconds(2)).withThreads(6)
                .withRollbackProbability(0.2).withOutOfOrderProbability(0.5).withMix(StreamMix.only(Stream.EVENTS));
        CompletableFuture<LoadReport> run = CompletableFuture.supplyAsync(() -> {
            try {
                return new LoadGenerator(writer, profile).run();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new CompletionException(e);
            }
        });

        // Sample (position, events at or below it) while the load runs; later commits must not add any below it.
        List<long[]> samples = new ArrayList<>();
        try (Connection c = db.getConnection()) {
            c.setAutoCommit(true);
            while (!run.isDone()) {
                long position = Db.position(db, "events").orElse(1);
                samples.add(new long[] {position, countEventsUpTo(c, position)});
            }
        }
        LoadReport report = run.get(30, TimeUnit.SECONDS);

        assertThat(report.failed()).isZero();
        assertThat(report.committed()).isPositive();
        assertThat(report.rolledBack()).isPositive();
        assertThat(samples).isNotEmpty();
        try (Connection c = db.getConnection()) {
            for (long[] sample : samples) {
                assertThat(countEventsUpTo(c, sample[0])).as("events up to position %d", sample[0]).isEqualTo(sample[1]);
            }
        }
        long finalPosition = Db.position(db, "events").orElseThrow();
        assertThat(finalPosition).isLessThanOrEqualTo(writer.currentToken(Stream.EVENTS));
        assertThat(finalPosition).isLessThanOrEqualTo(Db.count(db, "SELECT last_value FROM events_stream_seq"));
    }

    private static long countEventsUpTo(Connection c, long position) throws SQLException {
        try (var ps = c.prepareStatement("SELECT count(*) FROM events WHERE stream_ordering <= ?")) {
            ps.setLong(1, position);
            try (var rs = ps.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        }
    }
}
