package io.synapsebridge.bench;

import io.synapsebridge.adapter.commands.WorkerCommandSink;
import io.synapsebridge.adapter.server.ReplicationServer;
import io.synapsebridge.adapter.server.ServerSettings;
import io.synapsebridge.contract.StreamTopics;
import io.synapsebridge.protocol.command.Command;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;

/**
 * The adapter as the load harness runs it, in a JVM of its own so that its heap limit and use are its own. Talks to
 * the harness over stdio: prints {@code ready <port>} once it listens; answers {@code memory} with a
 * {@link HeapWatch} report line; stops on {@code stop} or when stdin closes (the harness died).
 *
 * <p>Arguments: bootstrap servers, topic prefix, the per-connection backlog limit.
 */
public final class AdapterMain {
    static final String READY = "ready ";
    static final String MEMORY_REQUEST = "memory";
    static final String STOP = "stop";

    private AdapterMain() {
    }

    public static void main(String[] args) throws IOException {
        ServerSettings defaults = ServerSettings.defaults("bench.example.org");
        ServerSettings settings = new ServerSettings("127.0.0.1", 0, defaults.serverName(), defaults.dialect(),
                defaults.version(), defaults.mainProcessSendsFederation(), Integer.parseInt(args[2]),
                defaults.maxConnections(), defaults.pingInterval(), defaults.pingTimeout());
        HeapWatch heap = HeapWatch.start();
        try (ReplicationServer server = ReplicationServer.start(settings, args[0], new StreamTopics(args[1]),
                new DiscardingSink())) {
            System.out.println(READY + server.address().getPort());
            System.out.flush();
            BufferedReader in = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));
            String line;
            while ((line = in.readLine()) != null && !line.equals(STOP)) {
                if (line.equals(MEMORY_REQUEST)) {
                    System.out.println(heap.report());
                    System.out.flush();
                }
            }
        }
    }

    /** The raw clients send no worker commands; nothing needs to reach Kafka. */
    private static final class DiscardingSink implements WorkerCommandSink {
        @Override
        public void accept(String connection, Command command) {
        }

        @Override
        public void close() {
        }
    }
}
