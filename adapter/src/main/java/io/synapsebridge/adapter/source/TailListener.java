package io.synapsebridge.adapter.source;

import java.util.List;
import java.util.function.Predicate;

/** Receives the records the {@link StreamTail} reads, on the tail's thread. */
public interface TailListener {
    /**
     * @param records  valid records in topic order
     * @param caughtUp whether the tail has read everything committed so far on a stream's topic: a group of rows
     *                 sharing a token is only known complete when the next token or the end of the topic is seen
     */
    void onRecords(List<TailRecord> records, Predicate<String> caughtUp);
}
