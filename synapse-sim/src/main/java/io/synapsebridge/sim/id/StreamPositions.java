package io.synapsebridge.sim.id;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.OptionalLong;

/**
 * The {@code stream_positions} table. Written after the rows commit, in a transaction of its own; the upsert only
 * ever raises the stored value (lowers it for backfill, whose values are negative), so it may lag but never leads.
 */
public final class StreamPositions {
    private StreamPositions() {
    }

    /** Records {@code token} (a wire token) for {@code instance}; {@code connection} must be in autocommit mode. */
    public static void advance(Connection connection, Stream stream, String instance, long token) throws SQLException {
        if (!stream.recordsPosition()) {
            throw new IllegalArgumentException(stream + " records no stream position");
        }
        String keep = stream.negative() ? "LEAST" : "GREATEST";
        try (PreparedStatement ps = connection.prepareStatement(
                "INSERT INTO stream_positions (stream_name, instance_name, stream_id) VALUES (?, ?, ?) "
                        + "ON CONFLICT (stream_name, instance_name) DO UPDATE SET stream_id = "
                        + keep + "(stream_positions.stream_id, EXCLUDED.stream_id)")) {
            ps.setString(1, stream.positionsName());
            ps.setString(2, instance);
            ps.setLong(3, stream.toStored(token));
            ps.executeUpdate();
        }
    }

    /** The stored value (negative for backfill), if any. */
    public static OptionalLong read(Connection connection, Stream stream, String instance) throws SQLException {
        try (PreparedStatement ps = connection.prepareStatement(
                "SELECT stream_id FROM stream_positions WHERE stream_name = ? AND instance_name = ?")) {
            ps.setString(1, stream.positionsName());
            ps.setString(2, instance);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? OptionalLong.of(rs.getLong(1)) : OptionalLong.empty();
            }
        }
    }
}
