package io.synapsebridge.cli.config;

import io.synapsebridge.connectors.capture.DatabaseSettings;
import java.nio.file.Path;

/**
 * Synapse's Postgres database, which capture reads (needs a role with REPLICATION, or superuser, and
 * {@code wal_level=logical}).
 *
 * @param password        inline password; prefer {@code password_file}
 * @param passwordFile    a file whose first line is the password
 * @param slotName        logical replication slot capture creates and follows
 * @param publicationName publication over the stream tables capture creates
 * @param pollIntervalMs  how long capture waits for more changes before handing a batch on: latency against idle
 *                        CPU (each interval costs Debezium's queue up to a millisecond of spinning)
 */
public record DatabaseConfig(String host, Integer port, String name, String user, String password,
        Path passwordFile, String slotName, String publicationName, Integer pollIntervalMs) {
    public static final String DEFAULT_NAME = "synapse";
    public static final String DEFAULT_SLOT = "synapse_bridge";

    public DatabaseConfig {
        host = Validate.word("database.host", host, "127.0.0.1");
        port = Validate.remotePort("database.port", port, 5432);
        name = Validate.word("database.name", name, DEFAULT_NAME);
        user = Validate.word("database.user", user, "synapse");
        password = Validate.secret("database.password", password, passwordFile);
        slotName = identifier("database.slot_name", slotName);
        publicationName = identifier("database.publication_name", publicationName);
        pollIntervalMs = Validate.range("database.poll_interval_ms", pollIntervalMs, 5, 1, 10_000);
    }

    public static DatabaseConfig defaults() {
        return new DatabaseConfig(null, null, null, null, null, null, null, null, null);
    }

    private static String identifier(String key, String value) {
        if (value == null) {
            return DEFAULT_SLOT;
        }
        if (!value.matches("[a-z_][a-z0-9_]{0,62}")) {
            throw new ConfigException(key + ": expected a lower-case SQL identifier (a-z, 0-9, _; at most 63),"
                    + " got '" + value + "'");
        }
        return value;
    }

    public DatabaseSettings settings() {
        return new DatabaseSettings(host, port, name, user, password);
    }

    /** Where, for messages: never the password. */
    public String describe() {
        return "postgres " + user + "@" + host + ":" + port + "/" + name;
    }

    @Override
    public String toString() {
        return describe();
    }
}
