package io.synapsebridge.adapter.http;

import io.synapsebridge.adapter.TcpListener;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.socket.SocketChannel;
import io.netty.handler.codec.http.HttpObjectAggregator;
import io.netty.handler.codec.http.HttpServerCodec;
import io.synapsebridge.contract.StreamTopics;
import io.synapsebridge.protocol.rows.StreamCatalog;
import io.synapsebridge.protocol.rows.SynapseVersion;
import java.net.InetSocketAddress;
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

    private final KafkaReaders readers;
    private final TcpListener listener;

    private CatchUpServer(CatchUpSettings settings, String bootstrapServers, StreamTopics topics,
            SynapseVersion version) {
        StreamCatalog catalog = version.catalog();
        BearerAuth auth = new BearerAuth(settings.secret());
        this.readers = new KafkaReaders(bootstrapServers, settings.readers(), settings.maxQueuedRequests(),
                settings.readTimeout());
        CatchUpService service = new CatchUpService(topics, settings.instanceName(),
                new UpdateReader(catalog, new TokenSeeker(), settings.rowLimit()), readers);
        try {
            this.listener = TcpListener.bind(settings.host(), settings.port(), bootstrap -> { },
                    new ChannelInitializer<SocketChannel>() {
                        @Override
                        protected void initChannel(SocketChannel ch) {
                            ch.pipeline()
                                    .addLast(new HttpServerCodec())
                                    .addLast(new HttpObjectAggregator(MAX_REQUEST_BYTES))
                                    .addLast(new CatchUpHandler(catalog, auth, service));
                        }
                    });
        } catch (RuntimeException e) {
            readers.close();
            throw e;
        }
        LOG.info("catch-up endpoint listening on {} (instance {}, Synapse {} streams, {})", listener.address(),
                settings.instanceName(), version, settings.secret() == null ? "no secret" : "secret required");
    }

    /** Listens; topics are read per request, so nothing is read before the first one. */
    public static CatchUpServer start(CatchUpSettings settings, String bootstrapServers, StreamTopics topics,
            SynapseVersion version) {
        return new CatchUpServer(settings, bootstrapServers, topics, version);
    }

    public InetSocketAddress address() {
        return listener.address();
    }

    /** Stops listening, lets requests in progress finish, then closes the Kafka consumers. */
    @Override
    public void close() {
        listener.stopAccepting();
        readers.close();
        listener.shutdown();
    }
}
