package io.synapsebridge.cli.dev;

import io.synapsebridge.cli.config.DevSettings;
import io.synapsebridge.cli.config.KafkaSettings;
import io.synapsebridge.devstack.DataDirectory;
import io.synapsebridge.devstack.DevStackException;
import io.synapsebridge.devstack.EmbeddedKafkaBroker;
import io.synapsebridge.devstack.EmbeddedPostgresServer;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.function.Consumer;

/**
 * The embedded stack of {@code dev}: Postgres with Synapse's schema and a Kafka broker, started side by side, and
 * stopped in reverse order of start.
 */
public final class DevStack implements AutoCloseable {
    public static final String DATABASE = "synapse";

    private final Deque<AutoCloseable> started = new ArrayDeque<>();
    private EmbeddedPostgresServer postgres;
    private EmbeddedKafkaBroker kafka;
    private KafkaSettings kafkaSettings;

    private DevStack() {
    }

    /** Starts everything or nothing: on a failure whatever did start is stopped again. */
    public static DevStack start(DevSettings dev, KafkaSettings kafkaSettings, Consumer<String> progress) {
        DevStack stack = new DevStack();
        stack.kafkaSettings = kafkaSettings;
        try {
            stack.startServices(dev, progress);
            return stack;
        } catch (RuntimeException e) {
            stack.close();
            throw e;
        }
    }

    private void startServices(DevSettings dev, Consumer<String> progress) {
        progress.accept("starting postgres and kafka...");
        CompletableFuture<EmbeddedPostgresServer> pg = CompletableFuture.supplyAsync(() -> {
            EmbeddedPostgresServer server = EmbeddedPostgresServer.start(dev.postgresPort(), dataDir(dev, "postgres"));
            server.createDatabase(DATABASE);
            SchemaSetup.apply(server, DATABASE);
            return server;
        });
        CompletableFuture<EmbeddedKafkaBroker> broker = CompletableFuture.supplyAsync(
                () -> EmbeddedKafkaBroker.start(dev.kafkaPort(), dataDir(dev, "kafka")));
        postgres = join(pg);
        if (postgres != null) {
            started.push(postgres);
        }
        kafka = join(broker);
        if (kafka != null) {
            started.push(kafka);
        }
        rethrowFirstFailure(pg, broker);
    }

    private static DataDirectory dataDir(DevSettings dev, String child) {
        return dev.dataDir() == null ? DataDirectory.temporary("skb-" + child + "-")
                : DataDirectory.kept(dev.dataDir(), child);
    }

    private static <T> T join(CompletableFuture<T> future) {
        try {
            return future.join();
        } catch (CompletionException e) {
            return null;
        }
    }

    private static void rethrowFirstFailure(CompletableFuture<?>... futures) {
        for (CompletableFuture<?> f : futures) {
            if (f.isCompletedExceptionally()) {
                try {
                    f.join();
                } catch (CompletionException e) {
                    if (e.getCause() instanceof RuntimeException r) {
                        throw r;
                    }
                    throw new DevStackException(String.valueOf(e.getCause()), e.getCause());
                }
            }
        }
    }

    public EmbeddedPostgresServer postgres() {
        return postgres;
    }

    public EmbeddedKafkaBroker kafka() {
        return kafka;
    }

    /** Where to connect, one service per line. */
    public String describe() {
        return String.join(System.lineSeparator(),
                "  postgres   " + postgres.jdbcUrl(DATABASE) + "  (Synapse v1.66 schema, wal_level=logical)",
                "  kafka      " + kafka.bootstrapServers() + "  (topics: "
                        + kafkaSettings.topicPrefix() + ".stream.<stream>)");
    }

    /** Stops what was started, newest first; a failure to stop one service does not leave the others running. */
    @Override
    public void close() {
        RuntimeException failure = null;
        while (!started.isEmpty()) {
            try {
                started.pop().close();
            } catch (Exception e) {
                failure = failure == null ? new DevStackException("stop failed: " + e.getMessage(), e) : failure;
            }
        }
        if (failure != null) {
            throw failure;
        }
    }
}
