package io.synapsebridge.bench;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.StandardSocketOptions;
import java.nio.ByteBuffer;
import java.nio.channels.SelectionKey;
import java.nio.channels.Selector;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * N raw replication clients on loopback, each doing what a v1.22–v1.66 worker does first ({@code NAME},
 * {@code PING}, {@code REPLICATE}) and then only reading, spread over a few selector threads. Each client notes the
 * moment it has received the number of RDATA lines the measurement expects.
 */
final class LineClients implements AutoCloseable {
    private static final long PING_EVERY_NANOS = TimeUnit.SECONDS.toNanos(5);

    private final List<Client> clients = new ArrayList<>();
    private final List<Loop> loops = new ArrayList<>();
    private volatile long expected = Long.MAX_VALUE;
    private volatile boolean running = true;

    /** Connects {@code count} clients and waits until the server has announced its positions to each. */
    static LineClients connect(int port, int count, int threads, Duration timeout) throws IOException {
        LineClients out = new LineClients();
        try {
            for (int t = 0; t < Math.min(threads, count); t++) {
                out.loops.add(out.new Loop(Selector.open(), t));
            }
            InetSocketAddress server = new InetSocketAddress(InetAddress.getLoopbackAddress(), port);
            for (int i = 0; i < count; i++) {
                Client client = new Client("c" + i, SocketChannel.open(server));
                out.clients.add(client);
                out.loops.get(i % out.loops.size()).adopt(client);
            }
            out.loops.forEach(Loop::start);
            out.awaitReplicating(timeout);
            return out;
        } catch (IOException | RuntimeException e) {
            out.close();
            throw e;
        }
    }

    private void awaitReplicating(Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (clients.stream().anyMatch(c -> c.scanner.positions() == 0 && c.failure == null)) {
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("clients got no POSITION within " + timeout.toSeconds() + " s");
            }
            sleep(10);
        }
        clients.stream().filter(c -> c.failure != null).findFirst().ifPresent(c -> {
            throw new IllegalStateException("client " + c.name + " failed before replicating: " + c.failure);
        });
    }

    /** From now on, a client is done once it has seen {@code rdataLines} more RDATA lines. */
    void expect(long rdataLines) {
        for (Client c : clients) {
            c.target = c.scanner.rdata() + rdataLines;
        }
        expected = rdataLines;
    }

    /** Waits until every client is done or failed, or the deadline passes; true if all are done. */
    boolean awaitDone(long deadlineNanos) {
        while (System.nanoTime() < deadlineNanos) {
            if (clients.stream().allMatch(c -> c.doneAt != 0 || c.failure != null)) {
                return clients.stream().allMatch(c -> c.doneAt != 0);
            }
            sleep(2);
        }
        return false;
    }

    /** When each client was done ({@link System#nanoTime()}), 0 if it was not. */
    long[] doneAt() {
        return clients.stream().mapToLong(c -> c.doneAt).toArray();
    }

    /** For each client that was not done: its name, RDATA count and why. */
    List<String> shortfalls() {
        List<String> out = new ArrayList<>();
        for (Client c : clients) {
            if (c.doneAt == 0) {
                long got = c.scanner.rdata() - (c.target - expected);
                out.add(c.name + " got " + got + "/" + expected
                        + (c.failure != null ? " (" + c.failure + ")" : " (still connected)"));
            }
        }
        return out;
    }

    /** CPU time the client threads have used. */
    Duration cpu() {
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        return Duration.ofNanos(loops.stream().mapToLong(l -> Math.max(0, threads.getThreadCpuTime(l.getId())))
                .sum());
    }

    @Override
    public void close() {
        running = false;
        for (Loop loop : loops) {
            loop.selector.wakeup();
            try {
                loop.join(5_000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        for (Client c : clients) {
            try {
                c.channel.close();
            } catch (IOException e) {
                // Closing anyway.
            }
        }
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }

    /** One connection: its channel, what it has seen, and when it was done. */
    private static final class Client {
        private final String name;
        private final SocketChannel channel;
        private final LineScanner scanner = new LineScanner();
        private volatile long target = Long.MAX_VALUE;
        private volatile long doneAt;
        private volatile String failure;

        Client(String name, SocketChannel channel) {
            this.name = name;
            this.channel = channel;
        }
    }

    /** A selector thread reading its share of the clients. */
    private final class Loop extends Thread {
        private final Selector selector;
        private final ByteBuffer buffer = ByteBuffer.allocate(256 * 1024);
        private final List<Client> own = new ArrayList<>();

        Loop(Selector selector, int index) {
            super("line-clients-" + index);
            this.selector = selector;
            setDaemon(true);
        }

        void adopt(Client client) throws IOException {
            client.channel.setOption(StandardSocketOptions.TCP_NODELAY, true);
            write(client, "NAME " + client.name + "\nPING " + System.currentTimeMillis() + "\nREPLICATE \n");
            client.channel.configureBlocking(false);
            client.channel.register(selector, SelectionKey.OP_READ, client);
            own.add(client);
        }

        @Override
        public void run() {
            long nextPing = System.nanoTime() + PING_EVERY_NANOS;
            try (selector) {
                while (running) {
                    selector.select(500);
                    for (var it = selector.selectedKeys().iterator(); it.hasNext();) {
                        SelectionKey key = it.next();
                        it.remove();
                        read(key, (Client) key.attachment());
                    }
                    if (System.nanoTime() > nextPing) {
                        // A worker that has pinged must keep pinging, or the server times it out after 25 s.
                        for (Client c : own) {
                            if (c.failure == null) {
                                write(c, "PING " + System.currentTimeMillis() + "\n");
                            }
                        }
                        nextPing = System.nanoTime() + PING_EVERY_NANOS;
                    }
                }
            } catch (IOException e) {
                own.forEach(c -> c.failure = c.failure != null ? c.failure : "selector failed: " + e.getMessage());
            }
        }

        private void read(SelectionKey key, Client c) {
            int n;
            try {
                buffer.clear();
                n = c.channel.read(buffer);
            } catch (IOException e) {
                n = -1;
            }
            if (n < 0) {
                c.failure = c.scanner.error() != null ? "server sent " + c.scanner.error() : "connection closed";
                key.cancel();
                return;
            }
            c.scanner.scan(buffer.array(), 0, n);
            if (c.doneAt == 0 && c.scanner.rdata() >= c.target) {
                c.doneAt = System.nanoTime();
            }
        }

        private void write(Client c, String text) {
            ByteBuffer out = ByteBuffer.wrap(text.getBytes(StandardCharsets.US_ASCII));
            try {
                // Short lines into an idle socket: a non-blocking write takes them whole.
                c.channel.write(out);
            } catch (IOException e) {
                c.failure = "write failed: " + e.getMessage();
            }
        }
    }
}
