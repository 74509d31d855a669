package io.synapsebridge.connectors.capture;

import io.synapsebridge.connectors.memory.MemoryStreamCapture;
import io.synapsebridge.connectors.sequencing.Publication;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/** Counters of what capture did, readable from any thread (for status output and the metrics endpoint). */
public final class CaptureMetrics implements MemoryStreamCapture.Counters {
    private final Map<String, AtomicLong> captured = new ConcurrentHashMap<>();
    private final Map<String, AtomicLong> publishedRows = new ConcurrentHashMap<>();
    private final Map<String, AtomicLong> duplicates = new ConcurrentHashMap<>();
    private final Map<String, AtomicLong> deadLetters = new ConcurrentHashMap<>();
    private final Map<String, AtomicLong> unreleasable = new ConcurrentHashMap<>();
    private final Map<String, AtomicLong> refused = new ConcurrentHashMap<>();
    private final Map<String, Long> frontiers = new ConcurrentHashMap<>();
    private volatile int held;

    void rowCaptured(String stream) {
        count(captured, stream);
    }

    @Override
    public void duplicateDropped(String stream) {
        count(duplicates, stream);
    }

    @Override
    public void rowRefused(String stream) {
        count(refused, stream);
    }

    /** Rows the writer sent on its connection (in-memory streams) that were not in the stream's shape, by stream. */
    public Map<String, Long> refusedRows() {
        Map<String, Long> out = new java.util.TreeMap<>();
        refused.forEach((k, v) -> out.put(k, v.get()));
        return out;
    }

    void unreleasable(String stream) {
        count(unreleasable, stream);
    }

    /** Rows not published because their stream has no frontier source, by stream. */
    public Map<String, Long> unreleasableRows() {
        Map<String, Long> out = new java.util.TreeMap<>();
        unreleasable.forEach((k, v) -> out.put(k, v.get()));
        return out;
    }

    void deadLetter(String table) {
        count(deadLetters, table);
    }

    void frontier(String stream, String instance, long token) {
        frontiers.merge(stream + "/" + instance, token, Math::max);
    }

    void published(List<Publication> released) {
        for (Publication p : released) {
            if (p.record().isRow()) {
                count(publishedRows, p.record().stream());
            }
        }
    }

    void held(int count) {
        held = count;
    }

    private static void count(Map<String, AtomicLong> counters, String key) {
        counters.computeIfAbsent(key, k -> new AtomicLong()).incrementAndGet();
    }

    public long publishedRows(String stream) {
        AtomicLong n = publishedRows.get(stream);
        return n == null ? 0 : n.get();
    }

    public long duplicatesDropped() {
        return duplicates.values().stream().mapToLong(AtomicLong::get).sum();
    }

    public long deadLetters() {
        return deadLetters.values().stream().mapToLong(AtomicLong::get).sum();
    }

    public int held() {
        return held;
    }

    /** Rows captured from the database, by stream. */
    public Map<String, Long> capturedRows() {
        return snapshot(captured);
    }

    /** Rows published to the stream topics, by stream. */
    public Map<String, Long> publishedRowsByStream() {
        return snapshot(publishedRows);
    }

    /** Changes sent to the dead-letter topic, by table. */
    public Map<String, Long> deadLettersByTable() {
        return snapshot(deadLetters);
    }

    private static Map<String, Long> snapshot(Map<String, AtomicLong> counters) {
        Map<String, Long> out = new java.util.TreeMap<>();
        counters.forEach((k, v) -> out.put(k, v.get()));
        return out;
    }

    /** Highest frontier seen per {@code stream/instance}. */
    public Map<String, Long> frontiers() {
        return Map.copyOf(frontiers);
    }
}
