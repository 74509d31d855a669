package io.synapsebridge.cli.dev;

import io.synapsebridge.devstack.DevStackException;
import io.synapsebridge.devstack.EmbeddedPostgresServer;
import io.synapsebridge.sim.schema.SchemaMigrationException;
import io.synapsebridge.sim.schema.SchemaVersion;
import io.synapsebridge.sim.schema.SynapseSchema;
import java.sql.Connection;
import java.sql.SQLException;

/** Applies Synapse's schema to the dev stack's database. */
public final class SchemaSetup {
    static final SchemaVersion VERSION = SchemaVersion.V1_66;

    private SchemaSetup() {
    }

    public static void apply(EmbeddedPostgresServer postgres, String database) {
        try (Connection c = postgres.dataSource(database).getConnection()) {
            SynapseSchema.apply(c, VERSION);
        } catch (SQLException | SchemaMigrationException e) {
            throw new DevStackException("cannot apply Synapse's schema: " + e.getMessage(), e);
        }
    }
}
