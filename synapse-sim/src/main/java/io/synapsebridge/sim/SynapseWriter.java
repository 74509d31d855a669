package io.synapsebridge.sim;

import io.synapsebridge.sim.id.StartingPositions;
import io.synapsebridge.sim.id.Stream;
import io.synapsebridge.sim.id.StreamIdTracker;
import io.synapsebridge.sim.rows.DefaultRows;
import io.synapsebridge.sim.rows.Population;
import io.synapsebridge.sim.rows.RowWriter;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import javax.sql.DataSource;

/**
 * Writes stream rows into a Synapse v1.66 database the way one Synapse process does: ids drawn per stream as
 * Synapse draws them, rows carrying this writer's instance name, {@code stream_positions} advanced after commit.
 * It tracks its own allocations through commit and rollback, so {@link #currentToken} is the token this process
 * may announce in POSITION. Thread-safe: each {@link PendingWrite} has its own connection.
 */
public final class SynapseWriter {
    public static final String MAIN_PROCESS = "master";

    private final DataSource dataSource;
    private final String instanceName;
    private final Population population;
    private final Map<Stream, StreamIdTracker> trackers;
    private final CommitLog commitLog = new CommitLog();
    private final List<IdsFinishedListener> listeners = new CopyOnWriteArrayList<>();

    private SynapseWriter(DataSource dataSource, String instanceName, Population population,
                          Map<Stream, StreamIdTracker> trackers) {
        this.dataSource = dataSource;
        this.instanceName = instanceName;
        this.population = population;
        this.trackers = trackers;
    }

    /** The main process ("master") writing about a small population. */
    public static SynapseWriter start(DataSource dataSource) {
        return start(dataSource, MAIN_PROCESS, Population.small());
    }

    /** Reads where each stream stands (sequences, or table maxima for the counters), as a starting process does. */
    public static SynapseWriter start(DataSource dataSource, String instanceName, Population population) {
        Map<Stream, StreamIdTracker> trackers = new EnumMap<>(Stream.class);
        try (Connection connection = dataSource.getConnection()) {
            for (Stream stream : Stream.values()) {
                trackers.put(stream, new StreamIdTracker(StartingPositions.of(connection, stream)));
            }
        } catch (SQLException e) {
            throw new SynapseWriterException("cannot read the starting stream positions: " + e.getMessage(), e);
        }
        return new SynapseWriter(dataSource, instanceName, population, trackers);
    }

    /** Allocates an id on {@code stream} and writes plausible rows for it in a transaction left open. */
    public PendingWrite begin(Stream stream) {
        return begin(stream, DefaultRows.forStream(stream));
    }

    /** Allocates an id on {@code stream} and lets {@code rows} write in a transaction left open. */
    public PendingWrite begin(Stream stream, RowWriter rows) {
        return PendingWrite.begin(this, stream, 1, rows);
    }

    /**
     * Allocates {@code ids} ids on {@code stream} at once, as Synapse's {@code get_next_mult} does when it persists
     * a batch, and lets {@code rows} write all of them in one transaction left open.
     */
    public PendingWrite begin(Stream stream, int ids, RowWriter rows) {
        return PendingWrite.begin(this, stream, ids, rows);
    }

    /** Writes and commits one id's rows; returns its token. */
    public long write(Stream stream) {
        try (PendingWrite write = begin(stream)) {
            write.commit();
            return write.token();
        }
    }

    /**
     * The largest token such that every id this writer allocated on {@code stream} at or below it has committed
     * or rolled back: what Synapse would announce. Positive for backfill, as on the wire.
     */
    public long currentToken(Stream stream) {
        return tracker(stream).currentToken();
    }

    /** Hears about every write that ends from now on, e.g. to announce positions as they rise. */
    public void addIdsFinishedListener(IdsFinishedListener listener) {
        listeners.add(listener);
    }

    public void removeIdsFinishedListener(IdsFinishedListener listener) {
        listeners.remove(listener);
    }

    public String instanceName() {
        return instanceName;
    }

    public Population population() {
        return population;
    }

    public CommitLog commitLog() {
        return commitLog;
    }

    DataSource dataSource() {
        return dataSource;
    }

    void idsFinished(Set<Stream> generators) {
        for (Stream generator : generators) {
            for (IdsFinishedListener listener : listeners) {
                listener.idsFinished(generator);
            }
        }
    }

    StreamIdTracker tracker(Stream stream) {
        return trackers.get(stream);
    }
}
