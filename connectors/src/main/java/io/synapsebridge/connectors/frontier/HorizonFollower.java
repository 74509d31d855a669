package io.synapsebridge.connectors.frontier;

import io.synapsebridge.connectors.capture.DatabaseSettings;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs a {@link SnapshotHorizon} round after round on a connection of its own, and hands each frontier it finds to
 * a {@link HorizonFence}. A lost connection starts a fresh horizon: rounds of the old one proved nothing about
 * transactions the new connection has not seen.
 */
public final class HorizonFollower implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(HorizonFollower.class);

    private final String stream;
    private final String sequence;
    private final DatabaseSettings database;
    private final HorizonFence fence;
    private final Duration interval;
    private final Thread thread;
    private final AtomicLong rounds = new AtomicLong();
    private volatile long lastFrontier;
    private volatile boolean running = true;

    public HorizonFollower(String stream, String sequence, DatabaseSettings database, HorizonFence fence,
            Duration interval) {
        this.stream = stream;
        this.sequence = sequence;
        this.database = database;
        this.fence = fence;
        this.interval = interval;
        this.thread = new Thread(this::run, "horizon-" + stream);
        this.thread.setDaemon(true);
    }

    public void start() {
        thread.start();
    }

    /** Rounds completed so far. */
    public long rounds() {
        return rounds.get();
    }

    /** The last frontier handed to the fence (0 before any). */
    public long lastFrontier() {
        return lastFrontier;
    }

    private void run() {
        while (running) {
            try (Connection c = database.connect()) {
                SnapshotHorizon horizon = new SnapshotHorizon(stream, PostgresHorizonProbe.of(c, sequence));
                while (running) {
                    FencedToken frontier = horizon.round();
                    if (frontier != null) {
                        fence.add(frontier);
                        lastFrontier = frontier.token();
                    }
                    rounds.incrementAndGet();
                    LockSupport.parkNanos(interval.toNanos()); // the round interval, not synchronisation
                }
            } catch (SQLException | RuntimeException e) {
                if (running) {
                    LOG.warn("{} horizon: {}; starting again in 1 s", stream, e.getMessage());
                    LockSupport.parkNanos(Duration.ofSeconds(1).toNanos()); // reconnect back-off
                }
            }
        }
    }

    @Override
    public void close() {
        running = false;
        thread.interrupt();
        try {
            thread.join(5000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
