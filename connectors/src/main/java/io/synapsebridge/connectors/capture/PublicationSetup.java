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
 * most of Synapse's stream tables have no primary key; such tables get one so that Synapse's own updates keep
 * working. Deletes are not published, so they need nothing.
 *
 * <p>The identity is a unique index when a table has one that can serve (see {@link #IDENTITY_INDEX}) and every
 * column outside it is fixed-width: an update then logs no old row at all (Synapse's upserts keep the key), which
 * saves WAL and capture's decoding of it, and no column outside the key can arrive as an unchanged TOAST
 * placeholder, since only variable-width values are ever TOASTed (the key's are short names in Synapse, and an
 * index entry holds at most about 2 kB). Otherwise it is {@code FULL}, which carries every value of the old row.
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
                String index = identityIndex(c, table);
                String identity = index == null ? "FULL" : "USING INDEX " + quote(index);
                try (Statement s = c.createStatement()) {
                    s.execute("ALTER TABLE " + quote(table) + " REPLICA IDENTITY " + identity);
                }
                identified.add(table + " (" + identity + ")");
            }
        }
        if (!identified.isEmpty()) {
            LOG.info("set a replica identity on {} published tables without a primary key, so that Postgres"
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

    /**
     * A unique index that Postgres accepts as replica identity (valid, immediate, not partial, on plain columns that
     * are all NOT NULL), on a table whose other columns are all fixed-width; the first by name, or none.
     */
    private static final String IDENTITY_INDEX = "SELECT ic.relname FROM pg_index i"
            + " JOIN pg_class ic ON ic.oid = i.indexrelid JOIN pg_class t ON t.oid = i.indrelid"
            + " WHERE t.relname = ? AND t.relnamespace = 'public'::regnamespace"
            + " AND i.indisunique AND i.indisvalid AND i.indimmediate AND i.indpred IS NULL AND i.indexprs IS NULL"
            + " AND NOT EXISTS (SELECT 1 FROM pg_attribute a WHERE a.attrelid = t.oid AND a.attnum > 0"
            + "   AND NOT a.attisdropped AND ("
            + "     (a.attnum = ANY (i.indkey) AND NOT a.attnotnull)"
            + "     OR (a.attnum <> ALL (i.indkey) AND a.attlen < 0)))"
            + " ORDER BY ic.relname LIMIT 1";

    private static String identityIndex(Connection c, String table) throws SQLException {
        try (PreparedStatement s = c.prepareStatement(IDENTITY_INDEX)) {
            s.setString(1, table);
            try (ResultSet rs = s.executeQuery()) {
                return rs.next() ? rs.getString(1) : null;
            }
        }
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
