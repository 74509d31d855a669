package io.synapsebridge.sim.replication;

import io.synapsebridge.sim.SynapseWriter;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A TCP replication port for a {@link SynapseWriter}, as Synapse v1.66's main process has one: clients get
 * {@code SERVER} and {@code PING}, a full set of {@code POSITION <stream> <instance> <t> <t>} on REPLICATE, and
 * {@code POSITION <stream> <instance> <prev> <new>} whenever the writer's token on a stream rises, never past an
 * uncommitted row. RDATA only for the in-memory streams ({@link #memoryStreams()}): clients read the other rows from
 * the database (or from capture) and take only positions here.
 *
 * <p>The in-memory streams belong to the announcer, as they belong to the Synapse process: closing it and starting
 * another on the same port is a restart of the main process, whose typing, presence_federation and federation tokens
 * start low again.
 *
 * <p>Plain blocking sockets: one thread per client reading its commands, one accepting, one announcing to all.
 * A client that stops reading stalls the announcements to every client; this is a test and demo tool.
 */
public final class PositionAnnouncer implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(PositionAnnouncer.class);

    private final ServerSocket serverSocket;
    private final String serverName;
    private final PositionStreamer streamer;
    private final Thread acceptor;

    private PositionAnnouncer(ServerSocket serverSocket, String serverName, PositionStreamer streamer) {
        this.serverSocket = serverSocket;
        this.serverName = serverName;
        this.streamer = streamer;
        this.acceptor = new Thread(this::accept, "replication-accept");
        acceptor.setDaemon(true);
    }

    /**
     * Listens on {@code host:port} (0 for a free port) and announces {@code writer}'s positions from now on.
     *
     * @param serverName sent in {@code SERVER}; a v1.66 worker disconnects unless it equals its own server_name
     * @throws UncheckedIOException if the port cannot be bound
     */
    public static PositionAnnouncer start(SynapseWriter writer, String host, int port, String serverName) {
        ServerSocket serverSocket;
        try {
            serverSocket = new ServerSocket();
            serverSocket.setReuseAddress(true);
            serverSocket.bind(new InetSocketAddress(host, port));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot listen for replication on " + host + ":" + port, e);
        }
        PositionAnnouncer announcer = new PositionAnnouncer(serverSocket, serverName, new PositionStreamer(writer));
        announcer.streamer.start();
        announcer.acceptor.start();
        LOG.info("announcing {}'s positions for {} on {}", writer.instanceName(), serverName, announcer.address());
        return announcer;
    }

    /** The process's in-memory streams: what is written there goes out as RDATA. */
    public MemoryStreams memoryStreams() {
        return streamer.memoryStreams();
    }

    /** The address clients connect to (with the port actually bound). */
    public InetSocketAddress address() {
        return (InetSocketAddress) serverSocket.getLocalSocketAddress();
    }

    /** Drops every client connection without a word, as a network failure would; the port stays open. */
    public void disconnectAll() {
        streamer.connections().forEach(ReplicationConnection::close);
    }

    /** Stops listening, stops announcing and closes every client connection. */
    @Override
    public void close() {
        try {
            serverSocket.close();
        } catch (IOException e) {
            LOG.debug("closing the replication port failed: {}", e.getMessage());
        }
        try {
            acceptor.join();
            streamer.stop();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } finally {
            streamer.connections().forEach(ReplicationConnection::close);
        }
    }

    private void accept() {
        while (!serverSocket.isClosed()) {
            Socket socket;
            try {
                socket = serverSocket.accept();
            } catch (IOException e) {
                return;
            }
            try {
                ReplicationConnection connection = new ReplicationConnection(socket, streamer);
                if (connection.open(serverName)) {
                    Thread reader = new Thread(connection::serve, "replication-" + socket.getRemoteSocketAddress());
                    reader.setDaemon(true);
                    reader.start();
                }
            } catch (IOException e) {
                LOG.debug("dropping replication connection {}: {}", socket.getRemoteSocketAddress(), e.getMessage());
                closeQuietly(socket);
            }
        }
    }

    private static void closeQuietly(Socket socket) {
        try {
            socket.close();
        } catch (IOException ignored) {
            // Already unusable.
        }
    }
}
