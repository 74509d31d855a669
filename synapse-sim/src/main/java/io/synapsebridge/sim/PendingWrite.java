package io.synapsebridge.sim;

import io.synapsebridge.sim.id.AllocationMode;
import io.synapsebridge.sim.id.Stream;
import io.synapsebridge.sim.id.StreamIdTracker;
import io.synapsebridge.sim.id.StreamPositions;
import io.synapsebridge.sim.rows.Population;
import io.synapsebridge.sim.rows.RowWriter;
import io.synapsebridge.sim.rows.WriteContext;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ThreadLocalRandom;
import java.util.random.RandomGenerator;

/**
 * One stream id whose rows are written but not yet committed. Its id stays unfinished, holding the writer's
 * token below it, until {@link #commit()} or {@link #rollback()}; either order across writes is allowed, which is
 * how tests make commits land out of id order or leave gaps.
 */
public final class PendingWrite implements AutoCloseable {
    private enum State { OPEN, COMMITTED, ROLLED_BACK }

    /** One id this transaction holds unfinished, as drawn (positive). */
    private record Allocation(Stream stream, long id) {
    }

    private final SynapseWriter writer;
    private final Stream stream;
    private final Connection connection;
    private final List<Allocation> allocations = new ArrayList<>();
    private final List<CommittedRow> rows = new ArrayList<>();
    private State state = State.OPEN;

    private PendingWrite(SynapseWriter writer, Stream stream, Connection connection) {
        this.writer = writer;
        this.stream = stream;
        this.connection = connection;
    }

    static PendingWrite begin(SynapseWriter writer, Stream stream, RowWriter rowWriter) {
        Connection connection;
        try {
            connection = writer.dataSource().getConnection();
        } catch (SQLException e) {
            throw new SynapseWriterException("cannot connect to write " + stream.streamName() + ": " + e.getMessage(), e);
        }
        PendingWrite write = new PendingWrite(writer, stream, connection);
        try {
            // A thread that holds one write open while it starts another (out-of-order commits) would wait on
            // itself if both touch one key; Postgres cannot see that cycle, so a lock wait gives up instead.
            try (var s = connection.createStatement()) {
                s.execute("SET lock_timeout = '1s'");
            }
            write.allocateOwnId();
            rowWriter.write(write.new Context());
            return write;
        } catch (SQLException | RuntimeException e) {
            write.abort();
            if (e instanceof SynapseWriterException w) {
                throw w;
            }
            throw new SynapseWriterException("writing " + stream.streamName() + " failed: " + e.getMessage(), e);
        }
    }

    public Stream stream() {
        return stream;
    }

    /** The wire token of this write (positive, also for backfill). */
    public long token() {
        return allocations.get(0).id();
    }

    /** The id as stored in the stream table (negative for backfill). */
    public long storedId() {
        return stream.toStored(token());
    }

    /** The rows written so far, with the tokens they will have once committed. */
    public synchronized List<CommittedRow> rows() {
        return List.copyOf(rows);
    }

    /**
     * Commits, logs the rows, marks the ids finished and then, in a separate transaction, raises this writer's
     * {@code stream_positions} row to its current token (streams that keep one).
     */
    public synchronized void commit() {
        requireOpen();
        try {
            connection.commit();
        } catch (SQLException e) {
            abort();
            throw new SynapseWriterException("commit of " + describe() + " failed: " + e.getMessage(), e);
        }
        writer.commitLog().committed(rows);
        finishAll();
        state = State.COMMITTED;
        try {
            connection.setAutoCommit(true);
            for (Stream s : streamsWithPositions()) {
                StreamPositions.advance(connection, s, writer.instanceName(), writer.currentToken(s));
            }
        } catch (SQLException e) {
            throw new SynapseWriterException("stream_positions update after " + describe() + " failed: "
                    + e.getMessage(), e);
        } finally {
            closeConnection();
        }
    }

    /** Rolls back; the ids finish anyway and stay a permanent gap in the stream. */
    public synchronized void rollback() {
        requireOpen();
        abort();
    }

    /** Rolls back if neither committed nor rolled back. */
    @Override
    public synchronized void close() {
        if (state == State.OPEN) {
            abort();
        }
    }

    private void allocateOwnId() throws SQLException {
        StreamIdTracker tracker = writer.tracker(stream);
        switch (stream.mode()) {
            case SEQUENCE_BEFORE_TXN -> {
                connection.setAutoCommit(true);
                allocations.add(new Allocation(stream, fetch(stream)));
                connection.setAutoCommit(false);
            }
            case SEQUENCE_IN_TXN -> {
                connection.setAutoCommit(false);
                allocations.add(new Allocation(stream, fetch(stream)));
            }
            case IN_PROCESS_COUNTER -> {
                allocations.add(new Allocation(stream, tracker.next()));
                connection.setAutoCommit(false);
            }
        }
    }

    private long fetch(Stream s) throws SQLException {
        StreamIdTracker tracker = writer.tracker(s);
        StreamIdTracker.Fetch fetch = tracker.startFetch();
        try (Statement st = connection.createStatement();
             ResultSet rs = st.executeQuery("SELECT nextval('" + s.sequence() + "')")) {
            rs.next();
            long id = rs.getLong(1);
            tracker.fetched(fetch, id);
            return id;
        } catch (SQLException | RuntimeException e) {
            tracker.fetchFailed(fetch);
            throw e;
        }
    }

    private void abort() {
        try {
            if (!connection.getAutoCommit()) {
                connection.rollback();
            }
        } catch (SQLException ignored) {
            // The connection is closed next; an unfinished transaction is rolled back by the server.
        }
        finishAll();
        if (state == State.OPEN) {
            writer.commitLog().rolledBack();
        }
        state = State.ROLLED_BACK;
        closeConnection();
    }

    private void finishAll() {
        // The write's own stream too: a failed fetch leaves no allocation but may still let the token move.
        Set<Stream> generators = EnumSet.of(stream);
        for (Allocation a : allocations) {
            writer.tracker(a.stream()).finished(a.id());
            generators.add(a.stream());
        }
        writer.idsFinished(generators);
    }

    private Set<Stream> streamsWithPositions() {
        Set<Stream> streams = new LinkedHashSet<>();
        for (Allocation a : allocations) {
            if (a.stream().recordsPosition()) {
                streams.add(a.stream());
            }
        }
        return streams;
    }

    private void requireOpen() {
        if (state != State.OPEN) {
            throw new IllegalStateException(describe() + " is already " + state.name().toLowerCase());
        }
    }

    private void closeConnection() {
        try {
            connection.close();
        } catch (SQLException ignored) {
            // Nothing left to do with a connection that fails to close.
        }
    }

    private String describe() {
        return stream.streamName() + " write " + (allocations.isEmpty() ? "(no id)" : token());
    }

    /** The view a row writer gets of this transaction. */
    private final class Context implements WriteContext {
        @Override
        public Connection connection() {
            return connection;
        }

        @Override
        public String instanceName() {
            return writer.instanceName();
        }

        @Override
        public long storedId() {
            return PendingWrite.this.storedId();
        }

        @Override
        public long allocateInTransaction(Stream other) {
            if (other.mode() != AllocationMode.SEQUENCE_IN_TXN) {
                throw new IllegalArgumentException(other + " ids are not drawn inside a transaction");
            }
            try {
                long id = fetch(other);
                allocations.add(new Allocation(other, id));
                return other.toStored(id);
            } catch (SQLException e) {
                throw new SynapseWriterException("cannot draw a " + other.streamName() + " id: " + e.getMessage(), e);
            }
        }

        @Override
        public long currentToken(Stream other) {
            return writer.currentToken(other);
        }

        @Override
        public void wrote(String replicationStream, String table) {
            wrote(stream, PendingWrite.this.storedId(), replicationStream, table);
        }

        @Override
        public void wrote(Stream generator, long stored, String replicationStream, String table) {
            rows.add(new CommittedRow(generator, replicationStream, generator.toToken(stored), writer.instanceName(), table));
        }

        @Override
        public Population population() {
            return writer.population();
        }

        @Override
        public RandomGenerator random() {
            return ThreadLocalRandom.current();
        }
    }
}
