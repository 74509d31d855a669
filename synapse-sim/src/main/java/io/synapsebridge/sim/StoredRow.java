package io.synapsebridge.sim;

/** A stream row as it is in the database now: wire token, writer (null where v1.66 has no column) and table. */
public record StoredRow(long token, String instance, String table) {
}
