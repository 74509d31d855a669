package io.synapsebridge.connectors.frontier;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.HashSet;
import java.util.Set;

/**
 * Reads the snapshot horizon's inputs from Postgres on one autocommit connection, so that each read is its own
 * transaction and sees what has happened up to it.
 *
 * <p>Running transactions are the virtual transaction ids that client backends of this database hold: every
 * transaction takes one when it starts, even before it has written anything (a transaction that has only called
 * {@code nextval} may have no transaction id yet), and Postgres never hands the same one out twice.
 */
public final class PostgresHorizonProbe implements HorizonProbe {
    private static final String RUNNING = "SELECT l.virtualxid FROM pg_locks l JOIN pg_stat_activity a ON a.pid = l.pid"
            + " WHERE l.locktype = 'virtualxid' AND l.mode = 'ExclusiveLock' AND l.granted"
            + " AND a.backend_type = 'client backend' AND a.datname = current_database()"
            + " AND l.pid <> pg_backend_pid()";

    private final Connection connection;
    private final String lastIssuedQuery;

    private PostgresHorizonProbe(Connection connection, String sequence) {
        this.connection = connection;
        this.lastIssuedQuery = "SELECT last_value, is_called FROM " + sequence;
    }

    /**
     * A probe of {@code sequence} (a plain identifier in the connection's search path), after checking that the
     * horizon holds for it: the sequence exists and hands out ids one at a time. With a sequence cache, a backend
     * would hand out ids from its cached range after the horizon was read, and below it.
     *
     * @throws IllegalStateException when the horizon cannot be used for {@code sequence}
     */
    public static PostgresHorizonProbe of(Connection connection, String sequence) throws SQLException {
        if (!sequence.matches("[a-z_][a-z0-9_]{0,62}")) {
            throw new IllegalArgumentException("sequence must be a lower-case SQL identifier, got '" + sequence + "'");
        }
        connection.setAutoCommit(true);
        try (PreparedStatement ps = connection.prepareStatement(
                "SELECT cache_size FROM pg_sequences WHERE sequencename = ? AND schemaname = current_schema()")) {
            ps.setString(1, sequence);
            try (ResultSet rs = ps.executeQuery()) {
                if (!rs.next()) {
                    throw new IllegalStateException("sequence " + sequence + " does not exist");
                }
                long cache = rs.getLong(1);
                if (cache != 1) {
                    throw new IllegalStateException("sequence " + sequence + " has CACHE " + cache
                            + ": backends may hand out cached ids below a horizon after it was read");
                }
            }
        }
        return new PostgresHorizonProbe(connection, sequence);
    }

    @Override
    public long lastIssued() throws SQLException {
        try (Statement s = connection.createStatement(); ResultSet rs = s.executeQuery(lastIssuedQuery)) {
            rs.next();
            // Before the first nextval, last_value is the start value, not yet handed out.
            return rs.getBoolean(2) ? rs.getLong(1) : rs.getLong(1) - 1;
        }
    }

    @Override
    public Set<String> runningTransactions() throws SQLException {
        Set<String> out = new HashSet<>();
        try (Statement s = connection.createStatement(); ResultSet rs = s.executeQuery(RUNNING)) {
            while (rs.next()) {
                out.add(rs.getString(1));
            }
        }
        return out;
    }

    @Override
    public long walInsertLsn() throws SQLException {
        try (Statement s = connection.createStatement(); ResultSet rs = s.executeQuery(
                "SELECT (pg_current_wal_insert_lsn() - '0/0'::pg_lsn)::bigint")) {
            rs.next();
            return rs.getLong(1);
        }
    }
}
