package io.synapsebridge.connectors.capture;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.TreeSet;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Prepares Synapse's database for capture without breaking Synapse.
 *
 * <p>The publication publishes inserts and updates (updates for {@code stream_positions}, which Synapse upserts),
 * never deletes or truncates. Postgres refuses an UPDATE on a published table that has no replica identity, and
 * most of Synapse's stream tables have no primary key; such tables get {@code REPLICA IDENTITY FULL} so that
 * Synapse's own updates keep working. Deletes are not published, so they need nothing.
 */
public final class PublicationSetup {
    private static final Logger LOG = LoggerFactory.getLogger(PublicationSetup.class);

    private PublicationSetup() {
    }

    public static void ensure(Connection c, String publication, Collection<String> tables) throws SQLException {
        List<String> missing = new ArrayList<>();
        for (String table : new TreeSet<>(tables)) {
            if (!tableExists(c, table)) {
                missing.add(table);
            }
        }
        if (!missing.isEmpty()) {
            throw new SQLException("Synapse's schema is incomplete: missing table(s) " + String.join(", ", missing));
        }
        List<String> identified = new ArrayList<>();
        for (String table : new TreeSet<>(tables)) {
            if (needsReplicaIdentity(c, table)) {
                try (Statement s = c.createStatement()) {
                    s.execute("ALTER TABLE " + quote(table) + " REPLICA IDENTITY FULL");
                }
                identified.add(table);
            }
        }
        if (!identified.isEmpty()) {
            LOG.info("set REPLICA IDENTITY FULL on {} published tables without a primary key, so that Postgres"
                    + " accepts Synapse's updates of them: {}", identified.size(), String.join(", ", identified));
        }
        if (!publicationExists(c, publication)) {
            StringBuilder sql = new StringBuilder("CREATE PUBLICATION ").append(quote(publication)).append(" FOR TABLE ");
            sql.append(String.join(", ", new TreeSet<>(tables).stream().map(PublicationSetup::quote).toList()));
            sql.append(" WITH (publish = 'insert, update')");
            try (Statement s = c.createStatement()) {
                s.execute(sql.toString());
            }
            LOG.info("created publication {} over {} tables", publication, tables.size());
        } else {
            for (String table : new TreeSet<>(tables)) {
                if (!inPublication(c, publication, table)) {
                    try (Statement s = c.createStatement()) {
                        s.execute("ALTER PUBLICATION " + quote(publication) + " ADD TABLE " + quote(table));
                    }
                    LOG.info("added {} to publication {}", table, publication);
                }
            }
        }
    }

    private static boolean tableExists(Connection c, String table) throws SQLException {
        return exists(c, "SELECT 1 FROM pg_class WHERE relname = ? AND relkind IN ('r', 'p')"
                + " AND relnamespace = 'public'::regnamespace", table);
    }

    private static boolean needsReplicaIdentity(Connection c, String table) throws SQLException {
        return exists(c, "SELECT 1 FROM pg_class t WHERE t.relname = ? AND t.relnamespace = 'public'::regnamespace"
                + " AND t.relreplident = 'd'"
                + " AND NOT EXISTS (SELECT 1 FROM pg_index i WHERE i.indrelid = t.oid AND i.indisprimary)", table);
    }

    private static boolean publicationExists(Connection c, String publication) throws SQLException {
        return exists(c, "SELECT 1 FROM pg_publication WHERE pubname = ?", publication);
    }

    private static boolean inPublication(Connection c, String publication, String table) throws SQLException {
        try (PreparedStatement s = c.prepareStatement(
                "SELECT 1 FROM pg_publication_tables WHERE pubname = ? AND schemaname = 'public' AND tablename = ?")) {
            s.setString(1, publication);
            s.setString(2, table);
            try (ResultSet rs = s.executeQuery()) {
                return rs.next();
            }
        }
    }

    private static boolean exists(Connection c, String sql, String arg) throws SQLException {
        try (PreparedStatement s = c.prepareStatement(sql)) {
            s.setString(1, arg);
            try (ResultSet rs = s.executeQuery()) {
                return rs.next();
            }
        }
    }

    private static String quote(String identifier) {
        return "\"" + identifier.replace("\"", "\"\"") + "\"";
    }
}
