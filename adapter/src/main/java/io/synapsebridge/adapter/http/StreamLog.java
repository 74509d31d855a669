package io.synapsebridge.adapter.http;

/**
 * A read-only view of one stream topic between two offsets fixed when the view was opened, read one fetch at a time.
 * It is the seam between the token search and Kafka: everything that counts or fakes reads goes through it.
 */
public interface StreamLog {
    /** The first offset of the view (the topic's log start). */
    long startOffset();

    /** One past the last offset of the view; for a read_committed reader, the last stable offset when opened. */
    long endOffset();

    /**
     * One fetch: the readable records from {@code offset} on, in offset order, none at or past {@link #endOffset()}.
     * Offsets may have gaps (transaction markers, aborted or undecodable records); the batch says where the next
     * fetch starts. Only called with {@code offset < endOffset()}.
     */
    LogBatch fetch(long offset);
}
