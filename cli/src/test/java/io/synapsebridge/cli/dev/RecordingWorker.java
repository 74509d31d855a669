package io.synapsebridge.cli.dev;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * A replication client that subscribes like a v1.66 worker (without pinging, so it is never timed out) and records
 * every line it receives with when it arrived, on a thread of its own.
 */
final class RecordingWorker implements AutoCloseable {
    private final Socket socket;
    private final List<String> lines = new ArrayList<>();
    private final List<Long> arrivals = new ArrayList<>();
    private final Thread reader;

    RecordingWorker(InetSocketAddress server, String name) throws IOException {
        socket = new Socket(server.getAddress(), server.getPort());
        socket.getOutputStream().write(("NAME " + name + "\nREPLICATE \n").getBytes(StandardCharsets.UTF_8));
        reader = new Thread(this::read, "worker-" + name);
        reader.setDaemon(true);
        reader.start();
    }

    private void read() {
        try (BufferedReader in = new BufferedReader(new InputStreamReader(socket.getInputStream(),
                StandardCharsets.UTF_8))) {
            String line;
            while ((line = in.readLine()) != null) {
                long now = System.nanoTime();
                synchronized (lines) {
                    lines.add(line);
                    arrivals.add(now);
                }
            }
        } catch (IOException e) {
            // Closed.
        }
    }

    /** What it has received so far. */
    List<String> lines() {
        synchronized (lines) {
            return List.copyOf(lines);
        }
    }

    /** When each line of {@link #lines()} arrived ({@link System#nanoTime()}). */
    List<Long> arrivals() {
        synchronized (lines) {
            return List.copyOf(arrivals);
        }
    }

    @Override
    public void close() throws IOException {
        socket.close();
    }
}
