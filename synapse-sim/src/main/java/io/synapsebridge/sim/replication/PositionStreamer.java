package io.synapsebridge.sim.replication;

import io.synapsebridge.protocol.command.Command;
import io.synapsebridge.sim.IdsFinishedListener;
import io.synapsebridge.sim.SynapseWriter;
import io.synapsebridge.sim.id.Stream;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArraySet;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;

/**
 * The one thread that talks to every connection, like Synapse's replication streamer: woken when a write ends,
 * it reads the writer's tokens and broadcasts those that rose; it sends the in-memory streams' rows as RDATA; it also answers REPLICATE and keeps idle
 * connections alive. One thread, so each stream's announcements leave in order and writers never wait on a socket.
 */
final class PositionStreamer implements IdsFinishedListener {
    private final SynapseWriter writer;
    private final Set<ReplicationConnection> connections = new CopyOnWriteArraySet<>();
    private final ReentrantLock lock = new ReentrantLock();
    private final Condition woken = lock.newCondition();
    private final Set<Stream> finished = EnumSet.noneOf(Stream.class);
    private final List<MemoryStreams.MemoryUpdate> memoryUpdates = new ArrayList<>();
    /** The in-memory streams' tokens as last sent: what REPLICATE announces for them. Streamer thread only. */
    private final Map<String, Long> memoryTokens = new HashMap<>(MemoryStreams.startingTokens());
    private final MemoryStreams memoryStreams;
    private final Thread thread;
    private boolean replicateRequested;
    private boolean stopped;

    PositionStreamer(SynapseWriter writer) {
        this.writer = writer;
        this.thread = new Thread(this::run, "replication-streamer");
        thread.setDaemon(true);
        this.memoryStreams = new MemoryStreams(writer.instanceName(), this::memoryUpdate);
    }

    MemoryStreams memoryStreams() {
        return memoryStreams;
    }

    private void memoryUpdate(MemoryStreams.MemoryUpdate update) {
        lock.lock();
        try {
            memoryUpdates.add(update);
            woken.signal();
        } finally {
            lock.unlock();
        }
    }

    /** Listens to the writer before reading its tokens, so no rise falls between the two. */
    void start() {
        writer.addIdsFinishedListener(this);
        thread.start();
    }

    @Override
    public void idsFinished(Stream generator) {
        lock.lock();
        try {
            finished.add(generator);
            woken.signal();
        } finally {
            lock.unlock();
        }
    }

    /** Synapse answers REPLICATE on any connection with a full set of POSITIONs to all of them. */
    void requestReplicate() {
        lock.lock();
        try {
            replicateRequested = true;
            woken.signal();
        } finally {
            lock.unlock();
        }
    }

    void register(ReplicationConnection connection) {
        connections.add(connection);
    }

    void unregister(ReplicationConnection connection) {
        connections.remove(connection);
    }

    Set<ReplicationConnection> connections() {
        return Set.copyOf(connections);
    }

    void stop() throws InterruptedException {
        writer.removeIdsFinishedListener(this);
        lock.lock();
        try {
            stopped = true;
            woken.signal();
        } finally {
            lock.unlock();
        }
        thread.join();
    }

    private void run() {
        AnnouncedPositions positions = new AnnouncedPositions(writer);
        long pingInterval = ReplicationConnection.PING_INTERVAL.toNanos();
        long nextKeepAlive = System.nanoTime() + pingInterval;
        Set<Stream> moved = EnumSet.noneOf(Stream.class);
        List<MemoryStreams.MemoryUpdate> updates = new ArrayList<>();
        while (true) {
            boolean replicate;
            lock.lock();
            try {
                long wait = nextKeepAlive - System.nanoTime();
                while (!stopped && finished.isEmpty() && memoryUpdates.isEmpty() && !replicateRequested
                        && wait > 0) {
                    wait = woken.awaitNanos(wait);
                }
                if (stopped) {
                    return;
                }
                moved.clear();
                moved.addAll(finished);
                finished.clear();
                updates.clear();
                updates.addAll(memoryUpdates);
                memoryUpdates.clear();
                replicate = replicateRequested;
                replicateRequested = false;
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            } finally {
                lock.unlock();
            }
            for (Stream generator : moved) {
                broadcast(positions.rise(generator));
            }
            for (MemoryStreams.MemoryUpdate update : updates) {
                broadcast(update.rdata());
                memoryTokens.put(update.stream(), update.token());
            }
            if (replicate) {
                broadcast(positions.replicate(memoryTokens));
            }
            long now = System.nanoTime();
            if (now - nextKeepAlive >= 0) {
                connections.forEach(c -> c.keepAlive(now));
                nextKeepAlive = now + pingInterval;
            }
        }
    }

    private void broadcast(List<? extends Command> commands) {
        if (!commands.isEmpty()) {
            connections.forEach(c -> c.send(commands));
        }
    }
}
