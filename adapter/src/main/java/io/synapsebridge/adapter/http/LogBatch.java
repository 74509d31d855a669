package io.synapsebridge.adapter.http;

import io.synapsebridge.contract.StreamRecord;
import java.util.List;

/**
 * What one fetch of a {@link StreamLog} returned.
 *
 * @param entries    the decoded records, in offset order
 * @param nextOffset where the next fetch continues: past every offset this fetch covered, so greater than the
 *                   offset fetched even when {@code entries} is empty
 */
public record LogBatch(List<Entry> entries, long nextOffset) {

    public LogBatch {
        entries = List.copyOf(entries);
    }

    /** A record and its offset in the topic. */
    public record Entry(long offset, StreamRecord record) {
    }
}
