package io.synapsebridge.adapter.source;

import io.synapsebridge.protocol.rows.NamedFields;

/** Lays out a topic row as the RDATA JSON of the emulated Synapse version. */
@FunctionalInterface
public interface RowLayout {
    /** The row's wire JSON, or null if it cannot be laid out (the layout logs and counts why). */
    String rowJson(String stream, String instance, long token, NamedFields row);
}
