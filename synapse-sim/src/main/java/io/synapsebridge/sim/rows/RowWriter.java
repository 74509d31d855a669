package io.synapsebridge.sim.rows;

import java.sql.SQLException;

/** Writes the rows of one stream id, the way Synapse would, inside the write's transaction. */
@FunctionalInterface
public interface RowWriter {
    void write(WriteContext context) throws SQLException;
}
