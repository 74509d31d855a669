package io.synapsebridge.adapter.server;

import io.netty.buffer.ByteBuf;
import io.netty.channel.Channel;
import io.netty.channel.ChannelFutureListener;
import io.synapsebridge.protocol.command.Dialect;
import io.synapsebridge.protocol.command.ErrorCommand;
import java.util.HashSet;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * One connection as the fan-out sees it: where its lines go, in which dialect, and how far behind it is.
 *
 * <p>A connection that has more than {@code maxPending} commands written but not yet sent is not keeping up; like
 * Synapse it gets {@code ERROR Failed to keep up} and is closed, so that it holds neither memory nor the others back.
 */
final class Subscriber {
    private final Channel channel;
    private final Dialect dialect;
    private final int maxPending;
    private final AtomicInteger pending = new AtomicInteger();
    private final AtomicBoolean dropped = new AtomicBoolean();
    /** Streams this connection has had a POSITION for; only touched on the tail's thread. */
    private final Set<String> announced = new HashSet<>();
    private volatile boolean replicating;

    Subscriber(Channel channel, Dialect dialect, int maxPending) {
        this.channel = channel;
        this.dialect = dialect;
        this.maxPending = maxPending;
    }

    Dialect dialect() {
        return dialect;
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
        if (dropped.get()) {
            lines.release();
            return;
        }
        if (pending.addAndGet(commands) > maxPending) {
            lines.release();
            drop(ErrorCommand.FAILED_TO_KEEP_UP);
            return;
        }
        channel.writeAndFlush(lines).addListener(f -> pending.addAndGet(-commands));
    }

    /** Sends ERROR (bypassing the backlog limit) and closes the connection. */
    void drop(ErrorCommand error) {
        if (dropped.compareAndSet(false, true)) {
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
