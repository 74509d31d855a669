package io.synapsebridge.connectors.sequencing;

import io.synapsebridge.contract.StreamRecord;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.TreeMap;

/** The rows of one writer on one stream, held in token order until the writer's frontier passes them. */
final class WriterQueue {
    private final String stream;
    private final String instance;
    private final NavigableMap<Long, List<CapturedRow>> held = new TreeMap<>();
    /** The highest token published, as a row or a position; 0 before anything. */
    private long published;

    WriterQueue(String stream, String instance, long published) {
        this.stream = stream;
        this.instance = instance;
        this.published = published;
    }

    long published() {
        return published;
    }

    boolean isCovered(long token) {
        return token <= published;
    }

    boolean holdsAtOrBelow(long token) {
        return !held.isEmpty() && held.firstKey() <= token;
    }

    void hold(CapturedRow row) {
        held.computeIfAbsent(row.token(), t -> new ArrayList<>(1)).add(row);
    }

    /**
     * Releases every held row at or below {@code frontier}, in token order (rows of one token in capture order),
     * then a position record if the frontier lies above the last row released.
     */
    void advance(long frontier, List<Publication> out) {
        if (frontier <= published) {
            return;
        }
        long lastRow = 0;
        NavigableMap<Long, List<CapturedRow>> due = held.headMap(frontier, true);
        for (Map.Entry<Long, List<CapturedRow>> e : due.entrySet()) {
            for (CapturedRow row : e.getValue()) {
                out.add(new Publication(row.toRecord(), row.source()));
            }
            lastRow = e.getKey();
        }
        due.clear();
        if (frontier > lastRow) {
            out.add(new Publication(StreamRecord.position(stream, instance, frontier), null));
        }
        published = frontier;
    }

    /** The oldest source position among the held rows, or null when none are held. */
    SourcePosition oldestHeld() {
        SourcePosition oldest = null;
        for (List<CapturedRow> rows : held.values()) {
            for (CapturedRow row : rows) {
                if (oldest == null || row.source().compareTo(oldest) < 0) {
                    oldest = row.source();
                }
            }
        }
        return oldest;
    }

    int heldCount() {
        int n = 0;
        for (List<CapturedRow> rows : held.values()) {
            n += rows.size();
        }
        return n;
    }
}
