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

    /** More ids than this in one write is not what Synapse does (it persists events in batches of up to 100). */
    public static final int MAX_IDS = 1000;

    /** One id this transaction holds unfinished, as drawn (positive). */
    private record Allocation(Stream stream, long id) {
    }

    private final SynapseWriter writer;
    private final Stream stream;
    private final Connection connection;
    private final List<Allocation> allocations = new ArrayList<>();
    private final List<CommittedRow> rows = new ArrayList<>();
    /** How many of the first allocations are this write's own ids on {@link #stream}. */
    private int ownIds;
    private long committedAtNanos;
    private State state = State.OPEN;

    private PendingWrite(SynapseWriter writer, Stream stream, Connection connection) {
        this.writer = writer;
        this.stream = stream;
        this.connection = connection;
    }

    static PendingWrite begin(SynapseWriter writer, Stream stream, int ids, RowWriter rowWriter) {
        if (ids < 1 || ids > MAX_IDS) {
            throw new IllegalArgumentException("a write draws 1 to " + MAX_IDS + " ids, not " + ids);
        }
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
            write.allocateOwnIds(ids);
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

    /** The wire tokens of every id this write drew on its stream, ascending (one unless written as a batch). */
    public List<Long> tokens() {
        List<Long> out = new ArrayList<>(ownIds);
        for (int i = 0; i < ownIds; i++) {
            out.add(allocations.get(i).id());
        }
        return out;
    }

    /** {@link System#nanoTime()} when the transaction committed, before {@code stream_positions} was advanced. */
    public synchronized long committedAtNanos() {
        if (state != State.COMMITTED) {
            throw new IllegalStateException(describe() + " has not committed");
        }
        return committedAtNanos;
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
            committedAtNanos = System.nanoTime();
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

    private void allocateOwnIds(int count) throws SQLException {
        StreamIdTracker tracker = writer.tracker(stream);
        switch (stream.mode()) {
            case SEQUENCE_BEFORE_TXN -> {
                connection.setAutoCommit(true);
                fetch(stream, count).forEach(id -> allocations.add(new Allocation(stream, id)));
                connection.setAutoCommit(false);
            }
            case SEQUENCE_IN_TXN -> {
                connection.setAutoCommit(false);
                fetch(stream, count).forEach(id -> allocations.add(new Allocation(stream, id)));
            }
            case IN_PROCESS_COUNTER -> {
                for (int i = 0; i < count; i++) {
                    allocations.add(new Allocation(stream, tracker.next()));
                }
                connection.setAutoCommit(false);
            }
        }
        ownIds = count;
    }

    /** Draws {@code count} ids in one statement, as Synapse's {@code get_next_mult} does. */
    private List<Long> fetch(Stream s, int count) throws SQLException {
        StreamIdTracker tracker = writer.tracker(s);
        List<StreamIdTracker.Fetch> fetches = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            fetches.add(tracker.startFetch());
        }
        List<Long> ids = new ArrayList<>(count);
        try (Statement st = connection.createStatement();
             ResultSet rs = st.executeQuery("SELECT nextval('" + s.sequence() + "') FROM generate_series(1, "
                     + count + ")")) {
            while (rs.next()) {
                ids.add(rs.getLong(1));
            }
        } catch (SQLException | RuntimeException e) {
            fetches.forEach(tracker::fetchFailed);
            throw e;
        }
        ids.sort(null);
        for (int i = 0; i < count; i++) {
            try {
                tracker.fetched(fetches.get(i), ids.get(i));
            } catch (RuntimeException e) {
                fetches.subList(i + 1, count).forEach(tracker::fetchFailed);
                throw e;
            }
        }
        return ids;
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
        public List<Long> storedIds() {
            List<Long> out = new ArrayList<>(ownIds);
            for (long token : tokens()) {
                out.add(stream.toStored(token));
            }
            return out;
        }

        @Override
        public long allocateInTransaction(Stream other) {
            if (other.mode() != AllocationMode.SEQUENCE_IN_TXN) {
                throw new IllegalArgumentException(other + " ids are not drawn inside a transaction");
            }
            try {
                long id = fetch(other, 1).get(0);
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
