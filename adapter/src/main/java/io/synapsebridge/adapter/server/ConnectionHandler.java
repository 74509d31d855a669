package io.synapsebridge.adapter.server;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufUtil;
import io.netty.channel.ChannelFutureListener;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.SimpleChannelInboundHandler;
import io.netty.handler.codec.TooLongFrameException;
import io.netty.handler.timeout.IdleState;
import io.netty.handler.timeout.IdleStateEvent;
import io.synapsebridge.adapter.commands.WorkerCommandSink;
import io.synapsebridge.protocol.Lines;
import io.synapsebridge.protocol.ProtocolException;
import io.synapsebridge.protocol.command.Command;
import io.synapsebridge.protocol.command.CommandParseException;
import io.synapsebridge.protocol.command.Dialect;
import io.synapsebridge.protocol.command.ErrorCommand;
import io.synapsebridge.protocol.command.LegacyReplicateCommand;
import io.synapsebridge.protocol.command.NameCommand;
import io.synapsebridge.protocol.command.PingCommand;
import io.synapsebridge.protocol.command.ServerCommand;
import io.synapsebridge.adapter.source.StreamTail;
import java.net.SocketAddress;
import java.time.Duration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One replication connection: greets with SERVER and PING, reads the worker's commands, and turns every protocol
 * error into {@code ERROR ...} and a close, as Synapse does. Nothing one connection sends can harm another.
 *
 * <p>A client subscribing in the 2017 form ({@code REPLICATE <stream> <token|NOW>}) is a v0.21–v1.12 worker, whatever
 * dialect the server is configured for: the connection speaks the 2017 dialect from then on.
 */
final class ConnectionHandler extends SimpleChannelInboundHandler<ByteBuf> {
    private static final Logger LOG = LoggerFactory.getLogger(ConnectionHandler.class);
    private static final ThrottledWarning REFUSALS = new ThrottledWarning(LOG, Duration.ofSeconds(10));

    private final ServerSettings settings;
    private final Hub hub;
    private final StreamTail tail;
    private final WorkerCommandSink commands;
    private final ServerMetrics metrics;
    private final LegacyReplication legacy;
    private Subscriber subscriber;
    private LegacySession legacySession;
    private String name;
    private boolean peerPinged;
    /** Whether a bare REPLICATE came: the connection then speaks the configured dialect for good. */
    private boolean replicateSent;

    ConnectionHandler(ServerSettings settings, Hub hub, StreamTail tail, WorkerCommandSink commands,
            ServerMetrics metrics, LegacyReplication legacy) {
        this.settings = settings;
        this.hub = hub;
        this.tail = tail;
        this.commands = commands;
        this.metrics = metrics;
        this.legacy = legacy;
    }

    private Dialect dialect() {
        return subscriber != null ? subscriber.dialect() : settings.dialect();
    }

    @Override
    public void channelActive(ChannelHandlerContext ctx) {
        metrics.connected();
        SocketAddress remote = ctx.channel().remoteAddress();
        name = String.valueOf(remote);
        subscriber = new Subscriber(ctx.channel(), dialect(), settings.maxPendingCommands());
        if (metrics.connections() > settings.maxConnections()) {
            REFUSALS.warn("refusing connection from {}: {} connections already", remote, settings.maxConnections());
            metrics.closed("too_many_connections");
            ctx.writeAndFlush(dialect().format(new ErrorCommand("too many connections")))
                    .addListener(ChannelFutureListener.CLOSE);
            return;
        }
        hub.add(subscriber);
        ctx.write(dialect().format(new ServerCommand(settings.serverName())));
        ctx.writeAndFlush(dialect().format(PingCommand.at(System.currentTimeMillis())));
        LOG.debug("connection from {}", remote);
    }

    @Override
    public void channelInactive(ChannelHandlerContext ctx) {
        metrics.disconnected();
        hub.remove(subscriber);
        if (legacySession != null) {
            legacySession.close();
        }
        LOG.debug("connection {} closed", name);
    }

    @Override
    protected void channelRead0(ChannelHandlerContext ctx, ByteBuf frame) {
        String line = Lines.decode(ByteBufUtil.getBytes(frame));
        if (Lines.isBlank(line)) {
            return;
        }
        if (Dialect.isLegacyReplicate(line) && dialect() != Dialect.V0_21) {
            if (replicateSent) {
                throw new CommandParseException("REPLICATE with a stream and token is the v0.21-v1.12 form; this"
                        + " connection already replicates in the " + dialect() + " dialect", line);
            }
            LOG.info("connection {} subscribes in the 2017 form: speaking the v0.21-v1.12 dialect", name);
            subscriber.speakLegacy();
        }
        Command command = dialect().parseFromClient(line);
        metrics.inbound(command.type().wireName());
        handle(ctx, command);
    }

    private void handle(ChannelHandlerContext ctx, Command command) {
        switch (command.type()) {
            case NAME -> name = ((NameCommand) command).name();
            case PING -> peerPinged = true;
            case REPLICATE -> {
                if (command instanceof LegacyReplicateCommand subscription) {
                    if (legacySession == null) {
                        legacySession = legacy.session(subscriber, name);
                    }
                    legacySession.replicate(subscription);
                } else {
                    replicateSent = true;
                    tail.submit(() -> hub.replicate(subscriber));
                }
            }
            case ERROR -> LOG.warn("connection {} sent {}", name, command.args());
            case REMOTE_SERVER_UP -> {
                commands.accept(name, command);
                String line = dialect().format(command);
                for (Subscriber other : hub.subscribers()) {
                    if (other != subscriber) {
                        other.channel().writeAndFlush(line);
                    }
                }
            }
            case USER_SYNC, CLEAR_USER_SYNC, FEDERATION_ACK, USER_IP, LOCK_RELEASED -> commands.accept(name, command);
            default -> throw new CommandParseException("command " + command.type().wireName()
                    + " is not served", dialect().format(command));
        }
    }

    @Override
    public void userEventTriggered(ChannelHandlerContext ctx, Object evt) {
        if (evt instanceof IdleStateEvent idle) {
            if (idle.state() == IdleState.WRITER_IDLE) {
                ctx.writeAndFlush(dialect().format(PingCommand.at(System.currentTimeMillis())));
            } else if (idle.state() == IdleState.READER_IDLE && peerPinged) {
                // Like Synapse: only a peer that has pinged is expected to keep talking.
                closeWith(ctx, ErrorCommand.PING_TIMEOUT, "ping_timeout");
            }
        }
    }

    @Override
    public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
        Throwable t = cause instanceof io.netty.handler.codec.DecoderException && cause.getCause() != null
                ? cause.getCause() : cause;
        if (t instanceof TooLongFrameException) {
            closeWith(ctx, ErrorCommand.LINE_LENGTH_EXCEEDED, "line_too_long");
        } else if (t instanceof ProtocolException p) {
            LOG.info("closing {}: {}", name, p.getMessage());
            closeWith(ctx, p.errorReply(), "protocol_error");
        } else if (t instanceof java.io.IOException) {
            LOG.debug("connection {} failed: {}", name, t.getMessage());
            metrics.closed("io_error");
            ctx.close();
        } else {
            LOG.warn("closing {} after an unexpected error", name, t);
            closeWith(ctx, new ErrorCommand("internal error"), "internal_error");
        }
    }

    private void closeWith(ChannelHandlerContext ctx, ErrorCommand error, String reason) {
        metrics.closed(reason);
        if (ctx.channel().isActive()) {
            ctx.writeAndFlush(dialect().format(error)).addListener(ChannelFutureListener.CLOSE);
        }
    }
}
