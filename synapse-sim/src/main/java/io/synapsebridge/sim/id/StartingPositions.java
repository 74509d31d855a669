package io.synapsebridge.sim.id;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;

/**
 * Where a writer starts on each stream: for a sequence, the last value it handed out (Synapse's writers take
 * their own position from it at start-up); for a counter, the largest id in the backing tables, at least 1.
 */
public final class StartingPositions {
    private StartingPositions() {
    }

    public static long of(Connection connection, Stream stream) throws SQLException {
        return stream.sequence() != null ? sequencePosition(connection, stream.sequence()) : largestId(connection, stream);
    }

    private static long sequencePosition(Connection connection, String sequence) throws SQLException {
        try (Statement s = connection.createStatement();
             ResultSet rs = s.executeQuery("SELECT last_value, is_called FROM " + sequence)) {
            rs.next();
            long last = rs.getLong(1);
            return rs.getBoolean(2) ? last : last - 1;
        }
    }

    private static long largestId(Connection connection, Stream stream) throws SQLException {
        long largest = 1;
        for (IdColumn c : stream.idColumns()) {
            try (Statement s = connection.createStatement();
                 ResultSet rs = s.executeQuery("SELECT MAX(" + c.column() + ") FROM " + c.table())) {
                if (rs.next() && rs.getObject(1) != null) {
                    largest = Math.max(largest, stream.toToken(rs.getLong(1)));
                }
            }
        }
        return largest;
    }
}
