package io.synapsebridge.sim;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.synapsebridge.sim.id.Stream;
import io.synapsebridge.sim.rows.Population;
import io.synapsebridge.sim.rows.ReceiptBatchRows;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;
import java.util.OptionalLong;
import javax.sql.DataSource;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class SynapseWriterTest {
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
    void outOfOrderCommitsAndRollbacksMoveTheTokenLikeSynapse() throws SQLException {
        DataSource db = postgres.freshSynapseDatabase();
        SynapseWriter writer = SynapseWriter.start(db);
        assertThat(writer.currentToken(Stream.EVENTS)).isEqualTo(1);

        PendingWrite two = writer.begin(Stream.EVENTS);
        PendingWrite three = writer.begin(Stream.EVENTS);
        PendingWrite four = writer.begin(Stream.EVENTS);
        assertThat(List.of(two.token(), three.token(), four.token())).containsExactly(2L, 3L, 4L);

        four.commit();
        assertThat(writer.currentToken(Stream.EVENTS)).isEqualTo(1);
        assertThat(Db.position(db, "events")).hasValue(1);
        assertThat(Db.longs(db, "SELECT stream_ordering FROM events")).containsExactly(4L);

        two.commit();
        assertThat(writer.currentToken(Stream.EVENTS)).isEqualTo(2);
        assertThat(Db.position(db, "events")).hasValue(2);

        three.rollback();
        assertThat(writer.currentToken(Stream.EVENTS)).isEqualTo(4);
        // Synapse records the position only after a successful write.
        assertThat(Db.position(db, "events")).hasValue(2);

        assertThat(writer.write(Stream.EVENTS)).isEqualTo(5);
        assertThat(Db.position(db, "events")).hasValue(5);
        // An events write is a new event or, now and then, an outlier's de-outliering (ex_outlier_stream).
        assertThat(Db.longs(db, "SELECT stream_ordering FROM events UNION ALL SELECT event_stream_ordering"
                + " FROM ex_outlier_stream ORDER BY 1")).containsExactly(2L, 4L, 5L);
        assertThat(Db.count(db, "SELECT count(*) FROM current_state_delta_stream WHERE stream_id = 3")).isZero();
        assertThat(writer.commitLog().rows("events")).extracting(CommittedRow::token).doesNotContain(3L);
    }

    @Test
    void aBatchWriteDrawsSeveralIdsAndRecordsThePositionAfterItsOneCommit() throws SQLException {
        DataSource db = postgres.freshSynapseDatabase();
        SynapseWriter writer = SynapseWriter.start(db, SynapseWriter.MAIN_PROCESS, new Population("test.local", 500, 50));
        PendingWrite single = writer.begin(Stream.RECEIPTS);
        PendingWrite batch = writer.begin(Stream.RECEIPTS, 5, new ReceiptBatchRows());
        assertThat(batch.tokens()).containsExactly(3L, 4L, 5L, 6L, 7L);

        batch.commit();
        assertThat(Db.longs(db, "SELECT stream_id FROM receipts_linearized ORDER BY 1"))
                .containsExactly(3L, 4L, 5L, 6L, 7L);
        // Id 2 is still open: nothing of the batch may be announced yet.
        assertThat(writer.currentToken(Stream.RECEIPTS)).isEqualTo(1);
        assertThat(batch.committedAtNanos()).isPositive();

        single.commit();
        assertThat(writer.currentToken(Stream.RECEIPTS)).isEqualTo(7);
        assertThat(Db.position(db, "receipts")).hasValue(7);
        assertThat(writer.commitLog().rows("receipts")).extracting(CommittedRow::token)
                .containsExactly(2L, 3L, 4L, 5L, 6L, 7L);
    }

    @Test
    void aBatchWriteNeedsAtLeastOneId() throws SQLException {
        SynapseWriter writer = SynapseWriter.start(postgres.freshSynapseDatabase());
        assertThatThrownBy(() -> writer.begin(Stream.RECEIPTS, 0, new ReceiptBatchRows()))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void aPendingWriteCannotEndTwice() throws SQLException {
        SynapseWriter writer = SynapseWriter.start(postgres.freshSynapseDatabase());
        PendingWrite write = writer.begin(Stream.RECEIPTS);
        write.commit();
        assertThatThrownBy(write::rollback).isInstanceOf(IllegalStateException.class);
    }

    @Test
    void backfillTokensArePositiveWhileStoredValuesAreNegative() throws SQLException {
        DataSource db = postgres.freshSynapseDatabase();
        SynapseWriter writer = SynapseWriter.start(db);
        PendingWrite first = writer.begin(Stream.BACKFILL);
        PendingWrite second = writer.begin(Stream.BACKFILL);
        assertThat(first.token()).isEqualTo(2);
        assertThat(second.storedId()).isEqualTo(-3);

        second.commit();
        assertThat(writer.currentToken(Stream.BACKFILL)).isEqualTo(1);
        first.commit();
        assertThat(writer.currentToken(Stream.BACKFILL)).isEqualTo(3);
        assertThat(Db.position(db, "backfill")).hasValue(-3);
        assertThat(Db.longs(db, "SELECT stream_ordering FROM events ORDER BY 1")).containsExactly(-3L, -2L);
        try (Connection c = db.getConnection()) {
            assertThat(StoredStreamRows.read(c, "backfill")).extracting(StoredRow::token).containsExactly(2L, 3L);
        }
    }

    @Test
    void sequenceLessStreamsCountFromTheTableMaximumAndRecordNoPosition() throws SQLException {
        DataSource db = postgres.freshSynapseDatabase();
        SynapseWriter writer = SynapseWriter.start(db);
        PendingWrite a = writer.begin(Stream.PUSH_RULES);
        PendingWrite b = writer.begin(Stream.PUSH_RULES);
        assertThat(List.of(a.token(), b.token())).containsExactly(2L, 3L);
        b.commit();
        assertThat(writer.currentToken(Stream.PUSH_RULES)).isEqualTo(1);
        a.rollback();
        assertThat(writer.currentToken(Stream.PUSH_RULES)).isEqualTo(3);
        assertThat(Db.count(db, "SELECT count(*) FROM stream_positions")).isZero();

        writer.write(Stream.DEVICE_LISTS);
        writer.write(Stream.DEVICE_LISTS);
        // A restarted writer continues after the largest id in the backing tables.
        SynapseWriter restarted = SynapseWriter.start(db);
        assertThat(restarted.currentToken(Stream.PUSH_RULES)).isEqualTo(3);
        assertThat(restarted.currentToken(Stream.DEVICE_LISTS)).isEqualTo(3);
        assertThat(restarted.write(Stream.DEVICE_LISTS)).isEqualTo(4);
    }

    @Test
    void cacheIdsAreDrawnInsideTheTransactionStartAtOneAndRecordNoPosition() throws SQLException {
        DataSource db = postgres.freshSynapseDatabase();
        SynapseWriter writer = SynapseWriter.start(db);
        assertThat(writer.currentToken(Stream.CACHES)).isZero();
        PendingWrite first = writer.begin(Stream.CACHES);
        assertThat(first.token()).isEqualTo(1);
        first.rollback();
        assertThat(writer.write(Stream.CACHES)).isEqualTo(2);
        assertThat(writer.currentToken(Stream.CACHES)).isEqualTo(2);
        assertThat(Db.longs(db, "SELECT stream_id FROM cache_invalidation_stream_by_instance")).containsExactly(2L);
        assertThat(Db.count(db, "SELECT count(*) FROM stream_positions")).isZero();
    }

    @Test
    void stateEventsShareTheirStreamOrderingWithTheirStateDeltaAndInvalidateCurrentStateCaches() throws SQLException {
        DataSource db = postgres.freshSynapseDatabase();
        SynapseWriter writer = SynapseWriter.start(db);
        for (int i = 0; i < 150; i++) {
            writer.write(Stream.EVENTS);
        }
        assertThat(Db.count(db, "SELECT count(*) FROM current_state_delta_stream")).isPositive();
        assertThat(Db.count(db, "SELECT count(*) FROM current_state_delta_stream d LEFT JOIN events e "
                + "ON e.stream_ordering = d.stream_id AND e.event_id = d.event_id AND e.state_key = d.state_key "
                + "WHERE e.event_id IS NULL")).isZero();
        assertThat(Db.count(db, "SELECT count(*) FROM cache_invalidation_stream_by_instance "
                + "WHERE cache_func = 'cs_cache_fake'")).isEqualTo(
                Db.count(db, "SELECT count(*) FROM current_state_delta_stream"));
        assertThat(Db.count(db, "SELECT count(*) FROM events WHERE instance_name IS DISTINCT FROM 'master'")).isZero();
        assertThat(writer.currentToken(Stream.CACHES)).isEqualTo(
                Db.count(db, "SELECT count(*) FROM cache_invalidation_stream_by_instance"));
    }

    @Test
    void everyStreamWritesItsTablesWithTheInstanceName() throws SQLException {
        DataSource db = postgres.freshSynapseDatabase();
        SynapseWriter writer = SynapseWriter.start(db, "event_persister1", Population.small());
        for (Stream stream : Stream.values()) {
            for (int i = 0; i < 20; i++) {
                writer.write(stream);
            }
        }
        try (Connection c = db.getConnection()) {
            for (String replicationStream : StoredStreamRows.streams()) {
                List<StoredRow> stored = StoredStreamRows.read(c, replicationStream);
                assertThat(stored).as(replicationStream).isNotEmpty();
                assertThat(stored).as(replicationStream)
                        .allSatisfy(r -> assertThat(r.instance()).isIn(null, "event_persister1"));
            }
        }
        assertThat(Db.count(db, "SELECT count(*) FROM stream_positions WHERE instance_name = 'event_persister1'"))
                .isEqualTo(6);
        for (Stream stream : Stream.values()) {
            if (stream.recordsPosition()) {
                assertThat(positionOf(db, stream)).as(stream.name()).hasValue(stream.toStored(writer.currentToken(stream)));
            }
        }
    }

    private static OptionalLong positionOf(DataSource db, Stream stream) throws SQLException {
        List<Long> values = Db.longs(db, "SELECT stream_id FROM stream_positions WHERE stream_name = '"
                + stream.positionsName() + "'");
        return values.isEmpty() ? OptionalLong.empty() : OptionalLong.of(values.get(0));
    }
}
