package io.synapsebridge.sim.schema;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;

/**
 * Creates Synapse's tables for the replicated streams by running the numbered SQL files of one
 * {@link SchemaVersion} in order. Each file runs in its own transaction together with its entry in
 * {@code bridge_schema_migrations}, so a file is applied exactly once and applying again is a no-op.
 */
public final class SynapseSchema {
    public static final String MIGRATIONS_TABLE = "bridge_schema_migrations";
    private static final String INDEX_FILE = "migrations.txt";

    private SynapseSchema() {
    }

    /** Applies every file of {@code version} not yet recorded as applied; returns the files it ran. */
    public static List<String> apply(Connection connection, SchemaVersion version) {
        try {
            boolean autoCommit = connection.getAutoCommit();
            try {
                createMigrationsTable(connection);
                List<String> applied = new ArrayList<>();
                for (String file : files(version)) {
                    if (applyFile(connection, version, file)) {
                        applied.add(file);
                    }
                }
                return applied;
            } finally {
                connection.setAutoCommit(autoCommit);
            }
        } catch (SQLException e) {
            throw new SchemaMigrationException("cannot apply Synapse schema " + version.label() + ": " + e.getMessage(), e);
        }
    }

    /** The migration files of {@code version}, in the order they run. */
    public static List<String> files(SchemaVersion version) {
        return read(version.resourceDirectory() + "/" + INDEX_FILE).lines()
                .map(String::strip)
                .filter(line -> !line.isEmpty() && !line.startsWith("#"))
                .toList();
    }

    private static void createMigrationsTable(Connection connection) throws SQLException {
        connection.setAutoCommit(true);
        try (Statement s = connection.createStatement()) {
            s.execute("CREATE TABLE IF NOT EXISTS " + MIGRATIONS_TABLE + " ("
                    + "schema_version text NOT NULL, file_name text NOT NULL, checksum text NOT NULL, "
                    + "applied_at timestamptz NOT NULL DEFAULT now(), PRIMARY KEY (schema_version, file_name))");
        }
    }

    private static boolean applyFile(Connection connection, SchemaVersion version, String file) throws SQLException {
        String path = version.resourceDirectory() + "/" + file;
        String script = read(path);
        String checksum = sha256(script);
        connection.setAutoCommit(false);
        try {
            // Serialises concurrent appliers of the same schema on one database.
            try (Statement s = connection.createStatement()) {
                s.execute("LOCK TABLE " + MIGRATIONS_TABLE + " IN EXCLUSIVE MODE");
            }
            String recorded = recordedChecksum(connection, version, file);
            if (recorded != null) {
                connection.commit();
                if (!recorded.equals(checksum)) {
                    throw new SchemaMigrationException(path + " was applied with checksum " + recorded
                            + " but the file now has checksum " + checksum + "; migration files must not change");
                }
                return false;
            }
            for (String statement : SqlStatements.split(script)) {
                execute(connection, path, statement);
            }
            record(connection, version, file, checksum);
            connection.commit();
            return true;
        } catch (SQLException | RuntimeException e) {
            connection.rollback();
            throw e;
        }
    }

    private static void execute(Connection connection, String path, String statement) {
        try (Statement s = connection.createStatement()) {
            s.execute(statement);
        } catch (SQLException e) {
            throw new SchemaMigrationException("migration " + path + " failed: " + e.getMessage()
                    + "\n  statement: " + statement, e);
        }
    }

    private static String recordedChecksum(Connection connection, SchemaVersion version, String file) throws SQLException {
        try (PreparedStatement ps = connection.prepareStatement(
                "SELECT checksum FROM " + MIGRATIONS_TABLE + " WHERE schema_version = ? AND file_name = ?")) {
            ps.setString(1, version.label());
            ps.setString(2, file);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? rs.getString(1) : null;
            }
        }
    }

    private static void record(Connection connection, SchemaVersion version, String file, String checksum) throws SQLException {
        try (PreparedStatement ps = connection.prepareStatement(
                "INSERT INTO " + MIGRATIONS_TABLE + " (schema_version, file_name, checksum) VALUES (?, ?, ?)")) {
            ps.setString(1, version.label());
            ps.setString(2, file);
            ps.setString(3, checksum);
            ps.executeUpdate();
        }
    }

    private static String read(String path) {
        try (InputStream in = SynapseSchema.class.getClassLoader().getResourceAsStream(path)) {
            if (in == null) {
                throw new SchemaMigrationException("migration resource " + path + " not found on the classpath");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new SchemaMigrationException("cannot read migration resource " + path, e);
        }
    }

    private static String sha256(String text) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is always available", e);
        }
    }
}
