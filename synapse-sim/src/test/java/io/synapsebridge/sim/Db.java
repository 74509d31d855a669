package io.synapsebridge.sim;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalLong;
import javax.sql.DataSource;

/** Small read helpers for assertions. */
final class Db {
    private Db() {
    }

    static List<Long> longs(DataSource dataSource, String sql) throws SQLException {
        List<Long> values = new ArrayList<>();
        try (Connection c = dataSource.getConnection(); Statement s = c.createStatement(); ResultSet rs = s.executeQuery(sql)) {
            while (rs.next()) {
                values.add(rs.getLong(1));
            }
        }
        return values;
    }

    static long count(DataSource dataSource, String sql) throws SQLException {
        return longs(dataSource, sql).get(0);
    }

    static OptionalLong position(DataSource dataSource, String streamName) throws SQLException {
        List<Long> values = longs(dataSource, "SELECT stream_id FROM stream_positions WHERE stream_name = '"
                + streamName + "' AND instance_name = 'master'");
        return values.isEmpty() ? OptionalLong.empty() : OptionalLong.of(values.get(0));
    }
}
