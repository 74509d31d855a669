package io.synapsebridge.sim.replication;

import io.synapsebridge.protocol.command.Dialect;
import io.synapsebridge.protocol.command.PositionCommand;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;

/** A raw line client that records everything the server sends, for assertions. */
final class ReplicationClient implements AutoCloseable {
    private final Socket socket;
    private final List<String> received = new CopyOnWriteArrayList<>();
    private final Consumer<PositionCommand> onPosition;
    private volatile boolean ended;

    private ReplicationClient(InetSocketAddress address, Consumer<PositionCommand> onPosition) throws IOException {
        this.socket = new Socket(address.getAddress(), address.getPort());
        this.onPosition = onPosition;
        Thread reader = new Thread(this::read, "test-replication-client");
        reader.setDaemon(true);
        reader.start();
    }

    static ReplicationClient connect(InetSocketAddress address) throws IOException {
        return new ReplicationClient(address, p -> { });
    }

    /** {@code onPosition} runs on the reading thread as each POSITION arrives. */
    static ReplicationClient connect(InetSocketAddress address, Consumer<PositionCommand> onPosition)
            throws IOException {
        return new ReplicationClient(address, onPosition);
    }

    /** Sends raw text, LFs included. */
    void send(String text) {
        try {
            OutputStream out = socket.getOutputStream();
            out.write(text.getBytes(StandardCharsets.UTF_8));
            out.flush();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** What a v1.66 worker sends on connect. */
    void handshake(String name) {
        send("NAME " + name + "\nPING " + System.currentTimeMillis() + "\nREPLICATE \n");
    }

    List<String> lines() {
        return List.copyOf(received);
    }

    List<PositionCommand> positions() {
        return received.stream().filter(l -> l.startsWith("POSITION "))
                .map(l -> (PositionCommand) Dialect.V1_22.parse(l)).toList();
    }

    List<PositionCommand> positions(String stream) {
        return positions().stream().filter(p -> p.stream().equals(stream)).toList();
    }

    /** The server closed the connection. */
    boolean ended() {
        return ended;
    }

    @Override
    public void close() throws IOException {
        socket.close();
    }

    private void read() {
        try (BufferedReader in = new BufferedReader(new InputStreamReader(socket.getInputStream(),
                StandardCharsets.UTF_8))) {
            String line;
            while ((line = in.readLine()) != null) {
                if (line.startsWith("POSITION ")) {
                    onPosition.accept((PositionCommand) Dialect.V1_22.parse(line));
                }
                received.add(line);
            }
        } catch (IOException e) {
            // Closed by the test or reset by the server: either way, nothing more arrives.
        } finally {
            ended = true;
        }
    }
}
