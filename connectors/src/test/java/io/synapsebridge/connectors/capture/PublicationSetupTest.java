package io.synapsebridge.connectors.capture;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.synapsebridge.devstack.EmbeddedPostgresServer;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The publication and the replica identities capture sets up, on a real Postgres. */
class PublicationSetupTest {
    private static EmbeddedPostgresServer postgres;

    @BeforeAll
    static void start() {
        postgres = EmbeddedPostgresServer.start(0);
        postgres.createDatabase("identities");
    }

    @AfterAll
    static void stop() {
        postgres.close();
    }

    @Test
    void replicaIdentityIsAUniqueIndexOnlyWhenNoOtherColumnCanBeToasted() throws SQLException {
        try (Connection c = postgres.dataSource("identities").getConnection(); Statement s = c.createStatement()) {
            // Like stream_positions: text key, fixed-width rest.
            s.execute("CREATE TABLE positions (stream_name text NOT NULL, instance_name text NOT NULL,"
                    + " stream_id bigint NOT NULL)");
            s.execute("CREATE UNIQUE INDEX positions_idx ON positions (stream_name, instance_name)");
            // Like receipts_linearized: a text value outside the unique index.
            s.execute("CREATE TABLE receipts (room_id text NOT NULL, user_id text NOT NULL, data text NOT NULL)");
            s.execute("CREATE UNIQUE INDEX receipts_idx ON receipts (room_id, user_id)");
            // A nullable key column: Postgres would refuse the index as identity.
            s.execute("CREATE TABLE nullable_key (k text, v bigint NOT NULL)");
            s.execute("CREATE UNIQUE INDEX nullable_key_idx ON nullable_key (k)");
            // A partial unique index cannot be an identity either.
            s.execute("CREATE TABLE partial_key (k bigint NOT NULL, v bigint NOT NULL)");
            s.execute("CREATE UNIQUE INDEX partial_key_idx ON partial_key (k) WHERE v > 0");
            s.execute("CREATE TABLE no_index (k bigint NOT NULL)");
            s.execute("CREATE TABLE keyed (id bigint PRIMARY KEY, v text)");

            PublicationSetup.ensure(c, "pub", List.of("positions", "receipts", "nullable_key", "partial_key",
                    "no_index", "keyed"));

            assertThat(identity(c, "positions")).isEqualTo("i");
            assertThat(identityIndex(c, "positions")).isEqualTo("positions_idx");
            assertThat(identity(c, "receipts")).isEqualTo("f");
            assertThat(identity(c, "nullable_key")).isEqualTo("f");
            assertThat(identity(c, "partial_key")).isEqualTo("f");
            assertThat(identity(c, "no_index")).isEqualTo("f");
            assertThat(identity(c, "keyed")).isEqualTo("d");

            // Synapse's upserts keep working on the published tables.
            s.execute("INSERT INTO positions VALUES ('events', 'master', 1)");
            s.execute("INSERT INTO positions VALUES ('events', 'master', 2) ON CONFLICT (stream_name, instance_name)"
                    + " DO UPDATE SET stream_id = EXCLUDED.stream_id");
            s.execute("INSERT INTO receipts VALUES ('!r', '@u', '{}')");
            s.execute("UPDATE receipts SET data = '{\"ts\": 1}'");
            try (ResultSet rs = s.executeQuery("SELECT stream_id FROM positions")) {
                assertThat(rs.next()).isTrue();
                assertThat(rs.getLong(1)).isEqualTo(2);
            }
        }
    }

    @Test
    void anIdentityAlreadyChosenIsLeftAlone() throws SQLException {
        try (Connection c = postgres.dataSource("identities").getConnection(); Statement s = c.createStatement()) {
            s.execute("CREATE TABLE chosen (k text NOT NULL, n bigint NOT NULL)");
            s.execute("CREATE UNIQUE INDEX chosen_idx ON chosen (k)");
            s.execute("ALTER TABLE chosen REPLICA IDENTITY FULL");

            PublicationSetup.ensure(c, "pub_chosen", List.of("chosen"));

            assertThat(identity(c, "chosen")).isEqualTo("f");
        }
    }

    @Test
    void aMissingTableIsAClearError() throws SQLException {
        try (Connection c = postgres.dataSource("identities").getConnection()) {
            assertThatThrownBy(() -> PublicationSetup.ensure(c, "pub_missing", List.of("not_there")))
                    .isInstanceOf(SQLException.class).hasMessageContaining("missing table(s) not_there");
        }
    }

    private static String identity(Connection c, String table) throws SQLException {
        try (Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("SELECT relreplident FROM pg_class WHERE relname = '" + table + "'")) {
            assertThat(rs.next()).isTrue();
            return rs.getString(1);
        }
    }

    private static String identityIndex(Connection c, String table) throws SQLException {
        try (Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("SELECT ic.relname FROM pg_index i JOIN pg_class ic ON ic.oid ="
                     + " i.indexrelid JOIN pg_class t ON t.oid = i.indrelid WHERE t.relname = '" + table + "'"
                     + " AND i.indisreplident")) {
            return rs.next() ? rs.getString(1) : null;
        }
    }
}
