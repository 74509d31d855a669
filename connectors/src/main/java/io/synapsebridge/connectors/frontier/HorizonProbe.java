package io.synapsebridge.connectors.frontier;

import java.sql.SQLException;
import java.util.Set;

/** What the snapshot horizon reads from the database, one call per read, each in its own transaction. */
public interface HorizonProbe {
    /** The highest id the sequence has handed out (0 if none). */
    long lastIssued() throws SQLException;

    /** The transactions running now that could draw ids from the sequence, as stable, never reused ids. */
    Set<String> runningTransactions() throws SQLException;

    /** The WAL insert position now: every commit that has happened lies before it. */
    long walInsertLsn() throws SQLException;
}
