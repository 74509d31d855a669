package io.synapsebridge.connectors.sequencing;

/** Where in the WAL a captured change came from: its LSN and its Postgres transaction id. */
public record SourcePosition(long lsn, long txId) implements Comparable<SourcePosition> {
    @Override
    public int compareTo(SourcePosition other) {
        return Long.compareUnsigned(lsn, other.lsn);
    }
}
