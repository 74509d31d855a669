package io.synapsebridge.devstack;

import java.nio.file.Path;
import java.util.concurrent.CountDownLatch;

/**
 * The embedded broker as a process of its own, so that a fault test can kill it without warning and start it again
 * on the same data directory and ports. Arguments: broker port, controller port, data directory (kept; created if
 * missing below an existing parent). Prints {@code kafka started on <host:port>} once it serves; stops on SIGTERM.
 */
public final class KafkaBrokerProcess {
    static final String STARTED = "kafka started on ";

    private KafkaBrokerProcess() {
    }

    public static void main(String[] args) throws InterruptedException {
        if (args.length != 3) {
            System.err.println("usage: KafkaBrokerProcess <broker port> <controller port> <data directory>");
            System.exit(2);
        }
        EmbeddedKafkaBroker broker;
        try {
            int port = parsePort(args[0]);
            int controllerPort = parsePort(args[1]);
            Path dir = Path.of(args[2]).toAbsolutePath();
            broker = EmbeddedKafkaBroker.start(port, controllerPort,
                    DataDirectory.kept(dir.getParent(), dir.getFileName().toString()));
        } catch (DevStackException e) {
            System.err.println("error: " + e.getMessage());
            System.exit(2);
            return;
        }
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            broker.close();
            stopped.countDown();
        }, "kafka-stop"));
        System.out.println(STARTED + broker.bootstrapServers());
        System.out.flush();
        stopped.await();
    }

    private static int parsePort(String text) {
        try {
            int port = Integer.parseInt(text);
            if (port < 1 || port > 65535) {
                throw new DevStackException("port " + text + " is out of range (1-65535)");
            }
            return port;
        } catch (NumberFormatException e) {
            throw new DevStackException("port '" + text + "' is not a number");
        }
    }
}
