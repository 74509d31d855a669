package io.synapsebridge.connectors.capture;

import static org.awaitility.Awaitility.await;

import io.synapsebridge.devstack.EmbeddedKafkaBroker;
import io.synapsebridge.devstack.EmbeddedPostgresServer;
import io.synapsebridge.sim.schema.SchemaVersion;
import io.synapsebridge.sim.schema.SynapseSchema;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.util.concurrent.Callable;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;

/** Capture tests that share one real Postgres and one real broker, each test with a database of its own. */
abstract class CaptureServicesTest {
    static final Duration WAIT = Duration.ofSeconds(60);
    static EmbeddedPostgresServer postgres;
    static EmbeddedKafkaBroker kafka;

    /** The capture under test, if started. */
    Capture capture;

    @BeforeAll
    static void startServices() {
        postgres = EmbeddedPostgresServer.start(0);
        kafka = EmbeddedKafkaBroker.start(0);
    }

    @AfterAll
    static void stopServices() {
        kafka.close();
        postgres.close();
    }

    /** Creates {@code database} with Synapse v1.66's schema. */
    static void createSynapseDatabase(String database) throws SQLException {
        postgres.createDatabase(database);
        try (Connection c = postgres.dataSource(database).getConnection()) {
            SynapseSchema.apply(c, SchemaVersion.V1_66);
        }
    }

    /** Waits for {@code condition}, failing at once if capture stopped. */
    void awaitCapture(Callable<Boolean> condition) {
        await().atMost(WAIT).until(() -> {
            if (capture.stopped().isCompletedExceptionally()) {
                capture.stopped().join();
            }
            return condition.call();
        });
    }
}
