package io.synapsebridge.cli.run;

import io.synapsebridge.connectors.capture.DatabaseSettings;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;

/**
 * Asks Kafka and Postgres before anything starts, so that an unreachable service is one line naming it, not a
 * minute of client retries and a stack trace.
 */
final class Reachability {
    private Reachability() {
    }

    static void requireKafka(String bootstrapServers, Duration timeout) {
        int ms = (int) timeout.toMillis();
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
                AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, ms,
                AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, ms,
                AdminClientConfig.CLIENT_ID_CONFIG, "synapse-kafka-bridge-check"))) {
            admin.describeCluster().clusterId().get(ms, TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new StartupException("interrupted while waiting for kafka", e);
        } catch (ExecutionException | TimeoutException e) {
            throw new StartupException("kafka at " + bootstrapServers + " did not answer within " + ms
                    + " ms (kafka.bootstrap_servers, kafka.connect_timeout_ms)", e);
        } catch (org.apache.kafka.common.KafkaException e) {
            throw new StartupException("kafka at " + bootstrapServers + ": " + e.getMessage(), e);
        }
    }

    static void requireDatabase(DatabaseSettings database, String where) {
        try (Connection c = database.connect()) {
            c.isValid(5);
        } catch (SQLException e) {
            throw new StartupException("cannot connect to " + where + ": " + firstLine(e.getMessage()), e);
        }
    }

    private static String firstLine(String message) {
        return message == null ? "" : message.lines().findFirst().orElse("");
    }
}
