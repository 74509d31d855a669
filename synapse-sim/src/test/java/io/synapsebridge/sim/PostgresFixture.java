package io.synapsebridge.sim;

import io.synapsebridge.devstack.EmbeddedPostgresServer;
import io.synapsebridge.sim.schema.SchemaVersion;
import io.synapsebridge.sim.schema.SynapseSchema;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.concurrent.atomic.AtomicInteger;
import javax.sql.DataSource;

/** A fresh database with the v1.66 schema for each test, on one Postgres per test class. */
public final class PostgresFixture implements AutoCloseable {
    private static final AtomicInteger DATABASES = new AtomicInteger();
    private final EmbeddedPostgresServer postgres = EmbeddedPostgresServer.start(0);

    public DataSource freshSynapseDatabase() throws SQLException {
        String name = "synapse_" + DATABASES.incrementAndGet();
        postgres.createDatabase(name);
        DataSource dataSource = postgres.dataSource(name);
        try (Connection c = dataSource.getConnection()) {
            SynapseSchema.apply(c, SchemaVersion.V1_66);
        }
        return dataSource;
    }

    EmbeddedPostgresServer server() {
        return postgres;
    }

    @Override
    public void close() {
        postgres.close();
    }
}
