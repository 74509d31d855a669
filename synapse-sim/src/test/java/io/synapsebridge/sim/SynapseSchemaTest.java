package io.synapsebridge.sim;

import static org.assertj.core.api.Assertions.assertThat;

import io.synapsebridge.sim.schema.SchemaVersion;
import io.synapsebridge.sim.schema.SynapseSchema;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import javax.sql.DataSource;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class SynapseSchemaTest {
    private static final Map<String, List<String>> STREAM_TABLES = Map.ofEntries(
            Map.entry("events", List.of("topological_ordering", "event_id", "type", "room_id", "content",
                    "unrecognized_keys", "processed", "outlier", "depth", "origin_server_ts", "received_ts", "sender",
                    "contains_url", "instance_name", "stream_ordering", "state_key", "rejection_reason")),
            Map.entry("state_events", List.of("event_id", "room_id", "type", "state_key", "prev_state")),
            Map.entry("redactions", List.of("event_id", "redacts", "have_censored", "received_ts")),
            Map.entry("event_relations", List.of("event_id", "relates_to_id", "relation_type", "aggregation_key")),
            Map.entry("room_memberships", List.of("event_id", "user_id", "sender", "room_id", "membership", "forgotten",
                    "display_name", "avatar_url")),
            Map.entry("rejections", List.of("event_id", "reason", "last_check")),
            Map.entry("current_state_delta_stream", List.of("stream_id", "room_id", "type", "state_key", "event_id",
                    "prev_event_id", "instance_name")),
            Map.entry("ex_outlier_stream", List.of("event_stream_ordering", "event_id", "state_group", "instance_name")),
            Map.entry("receipts_linearized", List.of("stream_id", "room_id", "receipt_type", "user_id", "event_id",
                    "data", "instance_name")),
            Map.entry("account_data", List.of("user_id", "account_data_type", "stream_id", "content", "instance_name")),
            Map.entry("room_account_data", List.of("user_id", "room_id", "account_data_type", "stream_id", "content",
                    "instance_name")),
            Map.entry("room_tags_revisions", List.of("user_id", "room_id", "stream_id", "instance_name")),
            Map.entry("room_tags", List.of("user_id", "room_id", "tag", "content")),
            Map.entry("push_rules_stream", List.of("stream_id", "event_stream_ordering", "user_id", "rule_id", "op",
                    "priority_class", "priority", "conditions", "actions")),
            Map.entry("pushers", List.of("id", "user_name", "access_token", "profile_tag", "kind", "app_id",
                    "app_display_name", "device_display_name", "pushkey", "ts", "lang", "data", "last_stream_ordering",
                    "last_success", "failing_since")),
            Map.entry("deleted_pushers", List.of("stream_id", "app_id", "pushkey", "user_id")),
            Map.entry("cache_invalidation_stream_by_instance", List.of("stream_id", "instance_name", "cache_func", "keys",
                    "invalidation_ts")),
            Map.entry("device_lists_stream", List.of("stream_id", "user_id", "device_id")),
            Map.entry("device_lists_outbound_pokes", List.of("destination", "stream_id", "user_id", "device_id", "sent",
                    "ts", "opentracing_context")),
            Map.entry("device_lists_changes_in_room", List.of("user_id", "device_id", "room_id", "stream_id",
                    "converted_to_destinations", "opentracing_context")),
            Map.entry("user_signature_stream", List.of("stream_id", "from_user_id", "user_ids")),
            Map.entry("device_inbox", List.of("user_id", "device_id", "stream_id", "message_json", "instance_name")),
            Map.entry("device_federation_outbox", List.of("destination", "stream_id", "queued_ts", "messages_json",
                    "instance_name")),
            Map.entry("presence_stream", List.of("stream_id", "user_id", "state", "last_active_ts",
                    "last_federation_update_ts", "last_user_sync_ts", "status_msg", "currently_active", "instance_name")),
            Map.entry("stream_positions", List.of("stream_name", "instance_name", "stream_id")));

    private static PostgresFixture postgres;

    @BeforeAll
    static void startPostgres() {
        postgres = new PostgresFixture();
    }

    @AfterAll
    static void stopPostgres() {
        postgres.close();
    }

    @Test
    void appliesToAFreshDatabaseOnceAndReapplyingIsANoOp() throws SQLException {
        postgres.server().createDatabase("schema_once");
        DataSource dataSource = postgres.server().dataSource("schema_once");
        try (Connection c = dataSource.getConnection()) {
            assertThat(SynapseSchema.apply(c, SchemaVersion.V1_66)).isEqualTo(SynapseSchema.files(SchemaVersion.V1_66))
                    .hasSize(11);
            assertThat(SynapseSchema.apply(c, SchemaVersion.V1_66)).isEmpty();
            assertThat(queryStrings(c, "SELECT file_name FROM bridge_schema_migrations ORDER BY file_name"))
                    .isEqualTo(SynapseSchema.files(SchemaVersion.V1_66));
        }
    }

    @Test
    void everyStreamTableHasSynapsesColumnsInOrder() throws SQLException {
        try (Connection c = postgres.freshSynapseDatabase().getConnection()) {
            for (var table : STREAM_TABLES.entrySet()) {
                assertThat(queryStrings(c, "SELECT column_name FROM information_schema.columns WHERE table_schema = "
                        + "'public' AND table_name = '" + table.getKey() + "' ORDER BY ordinal_position"))
                        .as(table.getKey()).isEqualTo(table.getValue());
            }
            assertThat(queryStrings(c, "SELECT data_type FROM information_schema.columns "
                    + "WHERE table_name = 'cache_invalidation_stream_by_instance' AND column_name = 'keys'"))
                    .containsExactly("ARRAY");
        }
    }

    @Test
    void onlyTheSequenceBackedStreamsHaveSequences() throws SQLException {
        try (Connection c = postgres.freshSynapseDatabase().getConnection()) {
            assertThat(queryStrings(c, "SELECT sequence_name FROM information_schema.sequences ORDER BY 1"))
                    .containsExactly("account_data_sequence", "cache_invalidation_stream_seq", "device_inbox_sequence",
                            "events_backfill_stream_seq", "events_stream_seq", "presence_stream_sequence",
                            "receipts_sequence");
        }
    }

    @Test
    void streamTablesKeepSynapsesPrimaryKeySituation() throws SQLException {
        try (Connection c = postgres.freshSynapseDatabase().getConnection()) {
            List<String> withPrimaryKey = queryStrings(c, "SELECT t.relname FROM pg_constraint k "
                    + "JOIN pg_class t ON t.oid = k.conrelid WHERE k.contype = 'p' "
                    + "AND t.relnamespace = 'public'::regnamespace AND t.relname <> "
                    + "'bridge_schema_migrations' ORDER BY 1");
            assertThat(withPrimaryKey).containsExactly("ex_outlier_stream", "pushers");
            assertThat(queryStrings(c, "SELECT indexname FROM pg_indexes WHERE tablename = 'events' ORDER BY 1"))
                    .contains("events_event_id_key", "events_stream_ordering");
            assertThat(queryStrings(c, "SELECT indexname FROM pg_indexes WHERE tablename = 'stream_positions'"))
                    .containsExactly("stream_positions_idx");
        }
    }

    private static List<String> queryStrings(Connection c, String sql) throws SQLException {
        List<String> values = new ArrayList<>();
        try (PreparedStatement ps = c.prepareStatement(sql); ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
                values.add(rs.getString(1));
            }
        }
        return values;
    }
}
