package io.synapsebridge.adapter.http;

import io.netty.bootstrap.ServerBootstrap;
import io.netty.channel.Channel;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.ChannelOption;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.MultiThreadIoEventLoopGroup;
import io.netty.channel.nio.NioIoHandler;
import io.netty.channel.socket.SocketChannel;
import io.netty.channel.socket.nio.NioServerSocketChannel;
import io.netty.handler.codec.http.HttpObjectAggregator;
import io.netty.handler.codec.http.HttpServerCodec;
import io.synapsebridge.contract.StreamTopics;
import io.synapsebridge.protocol.rows.StreamCatalog;
import io.synapsebridge.protocol.rows.SynapseVersion;
import java.net.InetSocketAddress;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Synapse's HTTP catch-up endpoint ({@code get_repl_stream_updates}, spec §5.4), served from the stream topics: a
 * worker that finds a gap on a POSITION fetches the missing rows of typing, presence, presence_federation or
 * federation here, as it would from the writer.
 */
public final class CatchUpServer implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(CatchUpServer.class);
    /** Catch-up requests are GETs; anything bigger is not one. */
    private static final int MAX_REQUEST_BYTES = 64 * 1024;

    private final EventLoopGroup group;
    private final KafkaReaders readers;
    private final Channel listener;

    private CatchUpServer(CatchUpSettings settings, String bootstrapServers, StreamTopics topics,
            SynapseVersion version) throws InterruptedException {
        StreamCatalog catalog = version.catalog();
        BearerAuth auth = new BearerAuth(settings.secret());
        this.readers = new KafkaReaders(bootstrapServers, settings.readers(), settings.maxQueuedRequests(),
                settings.readTimeout());
        CatchUpService service = new CatchUpService(topics, settings.instanceName(),
                new UpdateReader(catalog, new TokenSeeker(), settings.rowLimit()), readers);
        this.group = new MultiThreadIoEventLoopGroup(NioIoHandler.newFactory());
        try {
            this.listener = new ServerBootstrap()
                    .group(group)
                    .channel(NioServerSocketChannel.class)
                    .option(ChannelOption.SO_BACKLOG, 1024)
                    .childOption(ChannelOption.TCP_NODELAY, true)
                    .childHandler(new ChannelInitializer<SocketChannel>() {
                        @Override
                        protected void initChannel(SocketChannel ch) {
                            ch.pipeline()
                                    .addLast(new HttpServerCodec())
                                    .addLast(new HttpObjectAggregator(MAX_REQUEST_BYTES))
                                    .addLast(new CatchUpHandler(catalog, auth, service));
                        }
                    })
                    .bind(settings.host(), settings.port()).sync().channel();
        } catch (RuntimeException | InterruptedException e) {
            group.shutdownGracefully(0, 1, TimeUnit.SECONDS);
            readers.close();
            throw e;
        }
        LOG.info("catch-up endpoint listening on {} (instance {}, Synapse {} streams, {})", listener.localAddress(),
                settings.instanceName(), version, settings.secret() == null ? "no secret" : "secret required");
    }

    /** Listens; topics are read per request, so nothing is read before the first one. */
    public static CatchUpServer start(CatchUpSettings settings, String bootstrapServers, StreamTopics topics,
            SynapseVersion version) {
        try {
            return new CatchUpServer(settings, bootstrapServers, topics, version);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while starting", e);
        } catch (io.netty.channel.ChannelException e) {
            throw new IllegalStateException("cannot listen on " + settings.host() + ":" + settings.port() + ": "
                    + e.getMessage(), e);
        }
    }

    public InetSocketAddress address() {
        return (InetSocketAddress) listener.localAddress();
    }

    /** Stops listening, lets requests in progress finish, then closes the Kafka consumers. */
    @Override
    public void close() {
        listener.close().syncUninterruptibly();
        readers.close();
        group.shutdownGracefully(0, 2, TimeUnit.SECONDS).syncUninterruptibly();
    }
}
