package io.synapsebridge.sim;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Lists the rows currently stored for each v1.66 replication stream, in token order, for checkers that compare
 * topics with the database. Receipts, presence, account data, tags and pushers are replaced in place, so for
 * those the database holds only the latest row per key, not every committed one.
 */
public final class StoredStreamRows {
    private static final Map<String, String> QUERIES = Map.ofEntries(
            Map.entry("events", "SELECT stream_ordering, instance_name, 'events' FROM events WHERE stream_ordering > 0 "
                    + "UNION ALL SELECT stream_id, instance_name, 'current_state_delta_stream' FROM current_state_delta_stream "
                    + "UNION ALL SELECT event_stream_ordering, instance_name, 'ex_outlier_stream' FROM ex_outlier_stream "
                    + "WHERE event_stream_ordering > 0"),
            Map.entry("backfill", "SELECT -stream_ordering, instance_name, 'events' FROM events WHERE stream_ordering < 0 "
                    + "UNION ALL SELECT -event_stream_ordering, instance_name, 'ex_outlier_stream' FROM ex_outlier_stream "
                    + "WHERE event_stream_ordering < 0"),
            Map.entry("presence", "SELECT stream_id, instance_name, 'presence_stream' FROM presence_stream"),
            Map.entry("receipts", "SELECT stream_id, instance_name, 'receipts_linearized' FROM receipts_linearized"),
            Map.entry("push_rules", "SELECT stream_id, NULL, 'push_rules_stream' FROM push_rules_stream"),
            Map.entry("pushers", "SELECT id, NULL, 'pushers' FROM pushers "
                    + "UNION ALL SELECT stream_id, NULL, 'deleted_pushers' FROM deleted_pushers"),
            Map.entry("caches", "SELECT stream_id, instance_name, 'cache_invalidation_stream_by_instance' "
                    + "FROM cache_invalidation_stream_by_instance"),
            Map.entry("device_lists", "SELECT stream_id, NULL, 'device_lists_stream' FROM device_lists_stream "
                    + "UNION ALL SELECT stream_id, NULL, 'device_lists_outbound_pokes' FROM device_lists_outbound_pokes"),
            Map.entry("user_signature", "SELECT stream_id, NULL, 'user_signature_stream' FROM user_signature_stream"),
            Map.entry("to_device", "SELECT stream_id, instance_name, 'device_inbox' FROM device_inbox "
                    + "UNION ALL SELECT stream_id, instance_name, 'device_federation_outbox' FROM device_federation_outbox"),
            Map.entry("account_data", "SELECT stream_id, instance_name, 'account_data' FROM account_data "
                    + "UNION ALL SELECT stream_id, instance_name, 'room_account_data' FROM room_account_data"),
            Map.entry("tag_account_data", "SELECT stream_id, instance_name, 'room_tags_revisions' FROM room_tags_revisions"));

    private StoredStreamRows() {
    }

    /** The v1.66 replication streams stored in the database. */
    public static List<String> streams() {
        return QUERIES.keySet().stream().sorted().toList();
    }

    /** The SQL listing {@code replicationStream}'s rows as (token, instance_name, table), unordered. */
    public static String query(String replicationStream) {
        String sql = QUERIES.get(replicationStream);
        if (sql == null) {
            throw new IllegalArgumentException("no stored rows for stream " + replicationStream);
        }
        return sql;
    }

    public static List<StoredRow> read(Connection connection, String replicationStream) throws SQLException {
        List<StoredRow> rows = new ArrayList<>();
        try (Statement s = connection.createStatement();
             ResultSet rs = s.executeQuery("SELECT * FROM (" + query(replicationStream) + ") AS r(token, instance, tbl) "
                     + "ORDER BY token, tbl")) {
            while (rs.next()) {
                rows.add(new StoredRow(rs.getLong(1), rs.getString(2), rs.getString(3)));
            }
        }
        return rows;
    }
}
