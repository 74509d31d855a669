package io.synapsebridge.adapter.server;

import io.netty.buffer.Unpooled;
import io.netty.channel.ChannelFuture;
import io.netty.channel.ChannelFutureListener;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.ChannelOption;
import io.netty.channel.WriteBufferWaterMark;
import io.netty.channel.socket.SocketChannel;
import io.netty.handler.codec.DelimiterBasedFrameDecoder;
import io.netty.handler.codec.string.LineEncoder;
import io.netty.handler.codec.string.LineSeparator;
import io.netty.handler.ssl.SslContext;
import io.netty.handler.ssl.SslContextBuilder;
import io.netty.handler.timeout.IdleStateHandler;
import io.synapsebridge.adapter.TcpListener;
import io.synapsebridge.adapter.commands.WorkerCommandSink;
import io.synapsebridge.protocol.Lines;
import io.synapsebridge.protocol.command.ErrorCommand;
import io.synapsebridge.adapter.source.StreamTail;
import io.synapsebridge.contract.StreamTopics;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import javax.net.ssl.SSLException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Synapse's TCP replication listener, served from the stream topics: legacy workers connect to it as they would to
 * Synapse's main process.
 */
public final class ReplicationServer implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(ReplicationServer.class);
    public static final ErrorCommand STOPPING = new ErrorCommand("server stopping");

    private final ServerSettings settings;
    private final StreamTail tail;
    private final Hub hub;
    private final WorkerCommandSink commands;
    private final ServerMetrics metrics = new ServerMetrics();
    private final TcpListener listener;
    private final LegacyReplication legacy;

    private ReplicationServer(ServerSettings settings, String bootstrapServers, StreamTopics topics,
            WorkerCommandSink commands) throws InterruptedException {
        // First: a bad certificate or key stops the start before anything holds resources.
        SslContext ssl = settings.tls() ? sslContext(settings) : null;
        this.settings = settings;
        this.commands = commands;
        var catalog = settings.version().catalog();
        StreamTail[] tailRef = new StreamTail[1];
        this.hub = new Hub(catalog, settings.mainProcessSendsFederation(), () -> tailRef[0].tokens(), metrics);
        this.tail = new StreamTail(bootstrapServers, topics, catalog.streams(), new RowLines(catalog, metrics), hub,
                10_000);
        tailRef[0] = tail;
        SingleCommandCounter singleCommands = new SingleCommandCounter(metrics);
        this.legacy = new LegacyReplication(bootstrapServers, topics, catalog, settings.mainProcessSendsFederation(),
                tail, hub, metrics, settings.maxPendingCommands());
        tail.start();
        if (!tail.awaitReady(Duration.ofSeconds(90))) {
            tail.close();
            throw new IllegalStateException("the stream topics could not be read within 90 s");
        }
        try {
            this.listener = TcpListener.bind(settings.host(), settings.port(),
                    bootstrap -> bootstrap.childOption(ChannelOption.WRITE_BUFFER_WATER_MARK,
                            new WriteBufferWaterMark(256 * 1024, 1024 * 1024)),
                    new ChannelInitializer<SocketChannel>() {
                        @Override
                        protected void initChannel(SocketChannel ch) {
                            if (ssl != null) {
                                ch.pipeline().addLast(ssl.newHandler(ch.alloc()));
                            }
                            ch.pipeline()
                                    .addLast(new IdleStateHandler(settings.pingTimeout().toMillis(),
                                            settings.pingInterval().toMillis(), 0, TimeUnit.MILLISECONDS))
                                    // LF only: Synapse keeps a CR as part of the line.
                                    .addLast(new DelimiterBasedFrameDecoder(Lines.MAX_LINE_BYTES, true, true,
                                            Unpooled.wrappedBuffer(new byte[] {'\n'})))
                                    .addLast(new LineEncoder(LineSeparator.UNIX, StandardCharsets.UTF_8))
                                    .addLast(singleCommands)
                                    .addLast(new ConnectionHandler(settings, hub, tail, commands, metrics,
                                            legacy));
                        }
                    });
        } catch (RuntimeException e) {
            tail.close();
            throw e;
        }
        LOG.info("replication server listening on {}{} (server_name {}, {} dialect, Synapse {} streams)",
                listener.address(), ssl != null ? " with TLS" : "", settings.serverName(), settings.dialect(),
                settings.version());
    }

    /** Read once at start, so that a bad certificate or key stops the start rather than each handshake. */
    private static SslContext sslContext(ServerSettings settings) {
        try {
            return SslContextBuilder.forServer(settings.tlsCertFile().toFile(), settings.tlsKeyFile().toFile())
                    .build();
        } catch (SSLException | IllegalArgumentException e) {
            throw new IllegalStateException("cannot use TLS certificate " + settings.tlsCertFile() + " with key "
                    + settings.tlsKeyFile() + ": " + e.getMessage(), e);
        }
    }

    /** Reads the stream topics, then listens. */
    public static ReplicationServer start(ServerSettings settings, String bootstrapServers, StreamTopics topics,
            WorkerCommandSink commands) {
        try {
            return new ReplicationServer(settings, bootstrapServers, topics, commands);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while starting", e);
        }
    }

    public InetSocketAddress address() {
        return listener.address();
    }

    public ServerMetrics metrics() {
        return metrics;
    }

    /** Commands sent to connections so far, by command name. */
    public Map<String, Long> outboundCommands() {
        return metrics.outboundCommands();
    }

    /** One open connection as the fan-out sees it. */
    public record Connection(String remoteAddress, String dialect, boolean replicating, int pendingCommands) {
    }

    /** The open connections, with the commands each has been given but not yet sent. */
    public List<Connection> connections() {
        List<Connection> out = new ArrayList<>();
        for (Subscriber s : hub.subscribers()) {
            out.add(new Connection(String.valueOf(s.channel().remoteAddress()), s.dialect().name(),
                    s.isReplicating(), s.pending()));
        }
        return out;
    }

    /**
     * The token the server has reached per stream and writer ({@code stream -> writer -> token}), read on the tail's
     * thread, which owns them; empty if that thread does not answer within {@code timeout}.
     */
    public Map<String, Map<String, Long>> tokens(Duration timeout) {
        CompletableFuture<Map<String, Map<String, Long>>> answer = new CompletableFuture<>();
        tail.submit(() -> {
            Map<String, Map<String, Long>> out = new TreeMap<>();
            for (String stream : settings.version().catalog().streams()) {
                Map<String, Long> writers = tail.tokens().writers(stream);
                if (!writers.isEmpty()) {
                    out.put(stream, new TreeMap<>(writers));
                }
            }
            answer.complete(out);
        });
        try {
            return answer.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Map.of();
        } catch (ExecutionException | TimeoutException e) {
            return Map.of();
        }
    }

    /** The most commands any connection has written but not yet sent: what slow connections hold in memory. */
    public int largestBacklog() {
        return hub.subscribers().stream().mapToInt(Subscriber::pending).max().orElse(0);
    }

    /** Tells every connection {@code ERROR server stopping}, closes them, then stops reading. */
    @Override
    public void close() {
        listener.stopAccepting();
        List<ChannelFuture> goodbyes = new ArrayList<>();
        for (Subscriber s : hub.subscribers()) {
            goodbyes.add(s.channel().writeAndFlush(settings.dialect().format(STOPPING))
                    .addListener(ChannelFutureListener.CLOSE));
        }
        for (ChannelFuture f : goodbyes) {
            // A peer that stopped reading does not hold the stop up for long.
            f.awaitUninterruptibly(2, TimeUnit.SECONDS);
        }
        listener.shutdown();
        tail.close();
        commands.close();
    }
}
