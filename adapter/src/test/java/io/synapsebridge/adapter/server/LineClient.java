package io.synapsebridge.adapter.server;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;

/** A replication client for tests: writes raw bytes, reads LF-terminated lines with a deadline. */
final class LineClient implements AutoCloseable {
    private final Socket socket;
    private final InputStream in;
    private final OutputStream out;
    private final List<String> received = new ArrayList<>();
    private final ByteArrayOutputStream partial = new ByteArrayOutputStream();
    private boolean closedByServer;
    private String closeReason = "end of stream";

    LineClient(InetSocketAddress address) throws IOException {
        socket = new Socket();
        socket.connect(address, 5000);
        socket.setSoTimeout(100);
        in = socket.getInputStream();
        out = socket.getOutputStream();
    }

    LineClient send(String text) throws IOException {
        return sendBytes(text.getBytes(StandardCharsets.UTF_8));
    }

    LineClient sendBytes(byte[] bytes) throws IOException {
        out.write(bytes);
        out.flush();
        return this;
    }

    List<String> received() {
        return received;
    }

    /** Reads until a line matching {@code match} arrives; fails after {@code timeout}. */
    String await(Predicate<String> match, Duration timeout) throws IOException {
        long deadline = System.nanoTime() + timeout.toNanos();
        int checked = 0;
        while (true) {
            for (; checked < received.size(); checked++) {
                if (match.test(received.get(checked))) {
                    return received.get(checked);
                }
            }
            if (closedByServer || System.nanoTime() > deadline) {
                throw new AssertionError("no matching line within " + timeout + (closedByServer ? " (closed: " + closeReason + ")" : "")
                        + "; received " + tail());
            }
            readSome();
        }
    }

    /** Reads until the server closes the connection; fails after {@code timeout}. */
    void awaitClosed(Duration timeout) throws IOException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (!closedByServer) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("connection still open after " + timeout + "; received " + tail());
            }
            readSome();
        }
    }

    private String tail() {
        return received.subList(Math.max(0, received.size() - 10), received.size()).toString();
    }

    private void readSome() throws IOException {
        byte[] buf = new byte[65536];
        int n;
        try {
            n = in.read(buf);
        } catch (SocketTimeoutException e) {
            return;
        } catch (IOException e) {
            closedByServer = true;
            closeReason = e.toString();
            return;
        }
        if (n < 0) {
            closedByServer = true;
            return;
        }
        int start = 0;
        for (int i = 0; i < n; i++) {
            if (buf[i] == '\n') {
                partial.write(buf, start, i - start);
                received.add(partial.toString(StandardCharsets.UTF_8));
                partial.reset();
                start = i + 1;
            }
        }
        partial.write(buf, start, n - start);
    }

    @Override
    public void close() throws IOException {
        socket.close();
    }
}
