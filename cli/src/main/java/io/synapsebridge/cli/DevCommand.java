package io.synapsebridge.cli;

import io.synapsebridge.cli.config.BridgeConfig;
import io.synapsebridge.cli.config.ConfigLoader;
import io.synapsebridge.cli.config.DevSettings;
import io.synapsebridge.cli.dev.DevStack;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code dev}: the whole bridge on an embedded Postgres and Kafka, until Ctrl-C. */
@Command(name = "dev", mixinStandardHelpOptions = true,
        description = {
            "Starts the whole bridge on this machine: an embedded Postgres with Synapse's schema (logical "
                + "decoding on), an embedded single-node Kafka (KRaft), a Synapse-like writer standing in for "
                + "Synapse's main process, capture into the stream topics, and the replication server; then prints "
                + "where to connect.",
            "Stops cleanly on Ctrl-C; temporary data is removed unless --data-dir is given."})
final class DevCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Option(names = "--config", paramLabel = "FILE", description = "YAML configuration file (see README).")
    Path config;

    @Option(names = "--postgres-port", paramLabel = "PORT",
            description = "Port of the embedded Postgres on 127.0.0.1 (0: any free port; default: config or "
                    + DevSettings.DEFAULT_POSTGRES_PORT + ").")
    Integer postgresPort;

    @Option(names = "--kafka-port", paramLabel = "PORT",
            description = "Port of the embedded Kafka broker on 127.0.0.1 (0: any free port; default: config or "
                    + DevSettings.DEFAULT_KAFKA_PORT + ").")
    Integer kafkaPort;

    @Option(names = "--replication-port", paramLabel = "PORT",
            description = "Port of the replication server on 127.0.0.1 (0: any free port; default: config or "
                    + DevSettings.DEFAULT_REPLICATION_PORT + ").")
    Integer replicationPort;

    @Option(names = "--http-port", paramLabel = "PORT",
            description = "Port of the HTTP catch-up endpoint on 127.0.0.1 (0: any free port; default: config or "
                    + DevSettings.DEFAULT_HTTP_PORT + ").")
    Integer httpPort;

    @Option(names = "--server-name", paramLabel = "NAME",
            description = "The server_name presented to workers (default: config or " + DevSettings.DEFAULT_SERVER_NAME
                    + ").")
    String serverName;

    @Option(names = "--writer-rate", paramLabel = "N",
            description = "Writes per second of the built-in Synapse-like writer, across all streams (default 0:"
                    + " no load).")
    Double writerRate;

    @Option(names = "--data-dir", paramLabel = "DIR",
            description = "Existing directory to keep Postgres and Kafka data in across runs"
                    + " (default: temporary, removed on stop).")
    Path dataDir;

    @Override
    public Integer call() throws InterruptedException {
        BridgeConfig file = new ConfigLoader().load(config);
        DevSettings dev = file.dev();
        DevSettings settings = new DevSettings(
                postgresPort != null ? postgresPort : dev.postgresPort(),
                kafkaPort != null ? kafkaPort : dev.kafkaPort(),
                replicationPort != null ? replicationPort : dev.replicationPort(),
                httpPort != null ? httpPort : dev.httpPort(),
                dataDir != null ? dataDir : dev.dataDir(),
                serverName != null ? serverName : dev.serverName(),
                writerRate != null ? writerRate : dev.writerRate());

        var out = spec.commandLine().getOut();
        long started = System.nanoTime();
        DevStack stack = DevStack.start(settings, file.kafka(), out::println);
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            out.println("stopping...");
            out.flush();
            stack.close();
            out.println("stopped");
            out.flush();
            stopped.countDown();
        }, "dev-stack-stop"));
        out.printf("dev stack is up in %.1f s%n%s%nPress Ctrl-C to stop.%n",
                (System.nanoTime() - started) / 1e9, stack.describe());
        out.flush();
        stopped.await();
        return 0;
    }
}
