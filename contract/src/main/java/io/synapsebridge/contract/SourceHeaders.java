package io.synapsebridge.contract;

/** Header names on stream records that carry the source position, for tracing and de-duplication. */
public final class SourceHeaders {
    /** The WAL position (LSN, decimal) of the change the record was built from. */
    public static final String LSN = "source.lsn";
    /** The Postgres transaction id of that change. */
    public static final String TX_ID = "source.txid";

    private SourceHeaders() {
    }
}
