package io.synapsebridge.connectors.capture;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;

/**
 * Creates the replication slot before capture starts, so that every change committed after {@link #ensure} returns
 * is captured, however long the engine takes to connect; and the heartbeat table capture writes to while the
 * database is idle (its changes let the slot advance).
 */
final class SlotSetup {
    static final String HEARTBEAT_TABLE = "synapse_bridge_heartbeat";

    private SlotSetup() {
    }

    static void ensure(Connection c, String slot) throws SQLException {
        try (PreparedStatement s = c.prepareStatement(
                "SELECT plugin, database, database = current_database() FROM pg_replication_slots WHERE slot_name = ?")) {
            s.setString(1, slot);
            try (ResultSet rs = s.executeQuery()) {
                if (rs.next()) {
                    // Slots belong to the whole cluster, not to one database.
                    if (!rs.getBoolean(3)) {
                        throw new SQLException("replication slot " + slot + " belongs to database " + rs.getString(2)
                                + "; choose another slot name");
                    }
                    if (!"pgoutput".equals(rs.getString(1))) {
                        throw new SQLException("replication slot " + slot + " uses plugin " + rs.getString(1)
                                + ", not pgoutput; drop it or choose another slot name");
                    }
                    return;
                }
            }
        }
        try (PreparedStatement s = c.prepareStatement("SELECT pg_create_logical_replication_slot(?, 'pgoutput')")) {
            s.setString(1, slot);
            s.execute();
        }
    }

    static void ensureHeartbeatTable(Connection c) throws SQLException {
        try (Statement s = c.createStatement()) {
            s.execute("CREATE TABLE IF NOT EXISTS " + HEARTBEAT_TABLE
                    + " (id INTEGER PRIMARY KEY, beat_at TIMESTAMPTZ NOT NULL)");
        }
    }

    static String heartbeatQuery() {
        return "INSERT INTO " + HEARTBEAT_TABLE + " (id, beat_at) VALUES (1, now())"
                + " ON CONFLICT (id) DO UPDATE SET beat_at = EXCLUDED.beat_at";
    }
}
