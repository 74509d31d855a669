package io.synapsebridge.cli.metrics;

import io.synapsebridge.connectors.capture.DatabaseSettings;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Properties;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * How far capture's slot is behind the WAL, in bytes, asked of Postgres at scrape time: the slot's confirmed
 * position only moves once rows are published, so this is capture's lag and the WAL the database keeps for it.
 */
public final class SlotLag {
    private static final Logger LOG = LoggerFactory.getLogger(SlotLag.class);
    private static final String QUERY = "SELECT pg_wal_lsn_diff(pg_current_wal_lsn(), confirmed_flush_lsn)"
            + " FROM pg_replication_slots WHERE slot_name = ?";

    private final DatabaseSettings database;
    private final String slotName;

    public SlotLag(DatabaseSettings database, String slotName) {
        this.database = database;
        this.slotName = slotName;
    }

    public String slotName() {
        return slotName;
    }

    /** Bytes behind, or -1 if the database or the slot cannot be read now. */
    public double bytes() {
        Properties p = new Properties();
        p.setProperty("user", database.user());
        if (database.password() != null) {
            p.setProperty("password", database.password());
        }
        // A scrape must not hang on a database that does not answer.
        p.setProperty("connectTimeout", "2");
        p.setProperty("socketTimeout", "2");
        try (Connection c = DriverManager.getConnection(database.jdbcUrl(), p);
                PreparedStatement s = c.prepareStatement(QUERY)) {
            s.setString(1, slotName);
            try (ResultSet r = s.executeQuery()) {
                return r.next() && r.getObject(1) != null ? r.getDouble(1) : -1;
            }
        } catch (SQLException e) {
            LOG.debug("cannot read slot {}: {}", slotName, e.getMessage());
            return -1;
        }
    }
}
