package io.synapsebridge.sim.replication;

import io.synapsebridge.protocol.Lines;
import io.synapsebridge.protocol.ProtocolException;
import io.synapsebridge.protocol.command.Command;
import io.synapsebridge.protocol.command.Dialect;
import io.synapsebridge.protocol.command.ErrorCommand;
import io.synapsebridge.protocol.command.NameCommand;
import io.synapsebridge.protocol.command.PingCommand;
import io.synapsebridge.protocol.command.ServerCommand;
import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One replication client, served like Synapse v1.66's main process serves a worker: SERVER and PING on connect,
 * client commands read on the connection's own thread, ERROR and close on a line it cannot accept.
 */
final class ReplicationConnection {
    static final Dialect DIALECT = Dialect.V1_22;
    /** Synapse's PING_TIME: ping when nothing was sent for this long. */
    static final Duration PING_INTERVAL = Duration.ofSeconds(5);
    /** Synapse's PING_TIMEOUT_MS: a peer that has pinged once must not stay silent for longer. */
    private static final Duration PING_TIMEOUT = Duration.ofSeconds(25);

    private static final Logger LOG = LoggerFactory.getLogger(ReplicationConnection.class);

    private final Socket socket;
    private final InputStream in;
    private final OutputStream out;
    private final PositionStreamer streamer;
    private volatile String name;
    private volatile boolean peerPinged;
    private volatile long lastReceivedNanos = System.nanoTime();
    private long lastSentNanos;
    private boolean closed;

    ReplicationConnection(Socket socket, PositionStreamer streamer) throws IOException {
        this.socket = socket;
        this.in = new BufferedInputStream(socket.getInputStream());
        this.out = new BufferedOutputStream(socket.getOutputStream());
        this.streamer = streamer;
        this.name = socket.getRemoteSocketAddress().toString();
    }

    /**
     * Joins the broadcast and sends SERVER and PING, as Synapse does before reading anything. Both under this
     * connection's lock, so no broadcast can come before SERVER and none made after it is missed.
     */
    synchronized boolean open(String serverName) {
        streamer.register(this);
        return send(List.of(new ServerCommand(serverName), PingCommand.at(System.currentTimeMillis())));
    }

    /** Reads the client's commands until it goes away; runs on the connection's own thread. */
    void serve() {
        LineReader lines = new LineReader(in);
        try {
            byte[] line;
            while ((line = lines.next()) != null) {
                Command command = DIALECT.parseFromClient(Lines.decode(line));
                lastReceivedNanos = System.nanoTime();
                handle(command);
            }
            close();
        } catch (ProtocolException e) {
            LOG.info("closing replication connection {}: {}", name, e.getMessage());
            refuse(e.errorReply());
        } catch (IOException e) {
            close();
        }
    }

    /** Writes the commands as one flush; a connection that fails to take them is closed. */
    synchronized boolean send(List<? extends Command> commands) {
        if (closed) {
            return false;
        }
        try {
            for (Command command : commands) {
                out.write((DIALECT.format(command) + Lines.DELIMITER).getBytes(StandardCharsets.UTF_8));
            }
            out.flush();
            lastSentNanos = System.nanoTime();
            return true;
        } catch (IOException e) {
            LOG.debug("replication connection {} failed: {}", name, e.getMessage());
            close();
            return false;
        }
    }

    /** Synapse's 5 s check: ping an idle peer, drop a peer that pinged once and then went silent. */
    synchronized void keepAlive(long nowNanos) {
        if (closed) {
            return;
        }
        if (nowNanos - lastSentNanos >= PING_INTERVAL.toNanos()) {
            send(List.of(PingCommand.at(System.currentTimeMillis())));
        }
        if (peerPinged && nowNanos - lastReceivedNanos > PING_TIMEOUT.toNanos()) {
            LOG.info("closing replication connection {}: ping timeout", name);
            send(List.of(ErrorCommand.PING_TIMEOUT));
            close();
        }
    }

    void close() {
        synchronized (this) {
            if (closed) {
                return;
            }
            closed = true;
        }
        streamer.unregister(this);
        try {
            socket.close();
        } catch (IOException ignored) {
            // Closing is all that was left to do with it.
        }
    }

    private void handle(Command command) {
        switch (command.type()) {
            case NAME -> name = ((NameCommand) command).name();
            case PING -> peerPinged = true;
            case REPLICATE -> streamer.requestReplicate();
            case ERROR -> LOG.warn("replication connection {} sent ERROR {}", name, command.args());
            default -> {
                // USER_SYNC, USER_IP, FEDERATION_ACK, ...: valid from a worker, but this writer has no use for them.
            }
        }
    }

    /**
     * ERROR, then a graceful close: the client's unread lines are drained, since closing over them would reset the
     * connection and could lose the ERROR before the client reads it.
     */
    private void refuse(ErrorCommand error) {
        streamer.unregister(this);
        send(List.of(error));
        try {
            socket.shutdownOutput();
            socket.setSoTimeout((int) PING_TIMEOUT.toMillis());
            while (in.read() >= 0) {
                // Discarded: nothing more is handled after an ERROR.
            }
        } catch (IOException ignored) {
            // Timed out or reset: close anyway.
        } finally {
            close();
        }
    }
}
