package io.synapsebridge.adapter.source;

import io.synapsebridge.protocol.rows.NamedFields;
import io.synapsebridge.protocol.rows.RawFields;
import io.synapsebridge.protocol.rows.VerbatimJson;

/** Lays out a topic row as the RDATA JSON of the emulated Synapse version. */
public interface RowLayout {
    /** The row's wire JSON, or null if it cannot be laid out (the layout logs and counts why). */
    String rowJson(String stream, String instance, long token, NamedFields row);

    /**
     * The same JSON from the row's raw value texts, or null if the row needs {@link #rowJson}: a value to convert,
     * or an error to report.
     *
     * @param scratch where the text is put together, reused by the caller
     */
    String verbatimRowJson(String stream, RawFields row, VerbatimJson scratch);
}
