package io.synapsebridge.adapter.server;

import io.netty.buffer.ByteBuf;
import io.netty.channel.Channel;
import io.netty.channel.ChannelFutureListener;
import io.synapsebridge.adapter.source.TailRecord;
import io.synapsebridge.protocol.command.Dialect;
import io.synapsebridge.protocol.command.ErrorCommand;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One connection as the fan-out sees it: where its lines go, in which dialect, and how far behind it is.
 *
 * <p>A connection that still has more than {@code maxPending} commands not yet taken by its socket when the next read
 * arrives is not keeping up; like Synapse it gets {@code ERROR Failed to keep up} and is closed, so that it holds
 * neither memory nor the others back. The fan-out paces itself by the event loops ({@link HandOff}), so these are
 * commands its peer has not read, not ones the bridge was too busy to write. What one connection can hold is therefore bounded by {@code maxPending} plus one read.
 * A sender that can wait (a catch-up) waits for room instead ({@link #awaitRoom}).
 */
final class Subscriber {
    private static final Logger LOG = LoggerFactory.getLogger(Subscriber.class);
    private final Channel channel;
    private volatile Dialect dialect;
    private final int maxPending;
    private final AtomicInteger pending = new AtomicInteger();
    private final AtomicBoolean dropped = new AtomicBoolean();
    /** Streams this connection has had a POSITION for; only touched on the tail's thread. */
    private final Set<String> announced = new HashSet<>();
    /**
     * 2017 dialect, tail's thread only: the streams followed live, each with the token at or below which a live row
     * was already sent by the catch-up or is older than the POSITION sent; 0 once a live row went out.
     */
    private final Map<String, Long> followed = new HashMap<>();
    private final Object room = new Object();
    private volatile boolean replicating;

    Subscriber(Channel channel, Dialect dialect, int maxPending) {
        this.channel = channel;
        this.dialect = dialect;
        this.maxPending = maxPending;
    }

    Dialect dialect() {
        return dialect;
    }

    boolean isLegacy() {
        return dialect == Dialect.V0_21;
    }

    /** A client that subscribes in the 2017 form speaks the 2017 dialect from then on. */
    void speakLegacy() {
        dialect = Dialect.V0_21;
    }

    void follow(String stream, long floor) {
        followed.put(stream, floor);
    }

    void unfollow(String stream) {
        followed.remove(stream);
    }

    /** Whether a live row goes to this 2017-dialect connection: only the main process's, of a followed stream. */
    boolean takesLive(TailRecord record) {
        Long floor = followed.get(record.stream());
        if (floor == null || !record.instance().equals(Dialect.MAIN_PROCESS_INSTANCE) || record.token() <= floor) {
            return false;
        }
        // Past the hand-over every row is new, even if an in-memory stream's writer restarts its tokens.
        followed.put(record.stream(), 0L);
        return true;
    }

    Channel channel() {
        return channel;
    }

    boolean isReplicating() {
        return replicating;
    }

    void startReplicating() {
        replicating = true;
    }

    boolean isAnnounced(String stream) {
        return announced.contains(stream);
    }

    void announced(String stream) {
        announced.add(stream);
    }

    int pending() {
        return pending.get();
    }

    /** Sends {@code lines} ({@code commands} LF-terminated lines); takes ownership of the buffer. */
    void send(ByteBuf lines, int commands) {
        if (admit(lines, commands)) {
            write(lines, commands);
        }
    }

    /**
     * Sends {@code lines} on the connection's event loop, as part of {@code handOff}; takes ownership of the buffer.
     */
    void send(ByteBuf lines, int commands, HandOff handOff) {
        if (!admit(lines, commands)) {
            return;
        }
        handOff.add();
        try {
            channel.eventLoop().execute(() -> {
                try {
                    write(lines, commands);
                } finally {
                    handOff.taken();
                }
            });
        } catch (RejectedExecutionException e) {
            // The event loop has stopped: the connection is closing with the server.
            pending.addAndGet(-commands);
            lines.release();
            handOff.taken();
        }
    }

    /** Counts the lines in, or releases them if the connection is gone or too far behind to take more. */
    private boolean admit(ByteBuf lines, int commands) {
        if (dropped.get()) {
            lines.release();
            return false;
        }
        // Behind is what is still queued from earlier reads: one read may be larger than the limit by itself.
        if (pending.get() > maxPending) {
            lines.release();
            drop(ErrorCommand.FAILED_TO_KEEP_UP);
            return false;
        }
        pending.addAndGet(commands);
        return true;
    }

    private void write(ByteBuf lines, int commands) {
        channel.writeAndFlush(lines).addListener(f -> {
            pending.addAndGet(-commands);
            synchronized (room) {
                room.notifyAll();
            }
        });
    }

    /**
     * Waits until fewer than {@code limit} commands are pending and the channel is writable.
     *
     * @return false if the connection is gone or dropped instead
     */
    boolean awaitRoom(int limit) throws InterruptedException {
        synchronized (room) {
            while (!dropped.get() && channel.isActive() && (pending.get() >= limit || !channel.isWritable())) {
                // Writability changes without a notification: look again now and then.
                room.wait(100);
            }
        }
        return !dropped.get() && channel.isActive();
    }

    /** Sends ERROR (bypassing the backlog limit) and closes the connection. */
    void drop(ErrorCommand error) {
        if (dropped.compareAndSet(false, true)) {
            LOG.warn("disconnecting {}: {} ({} commands queued)", channel.remoteAddress(), error.message(),
                    pending.get());
            channel.eventLoop().execute(() -> {
                channel.writeAndFlush(dialect.format(error)).addListener(ChannelFutureListener.CLOSE);
                // A peer that stopped reading never takes the ERROR: close anyway, dropping its backlog.
                channel.eventLoop().schedule(() -> {
                    channel.close();
                }, 1, TimeUnit.SECONDS);
            });
        }
    }
}
