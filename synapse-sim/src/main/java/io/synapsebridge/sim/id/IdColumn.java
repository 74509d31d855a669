package io.synapsebridge.sim.id;

/** A table column that holds a stream's ids. */
public record IdColumn(String table, String column) {
}
