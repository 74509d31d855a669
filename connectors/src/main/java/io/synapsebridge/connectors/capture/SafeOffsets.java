package io.synapsebridge.connectors.capture;

import io.synapsebridge.connectors.sequencing.SourcePosition;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Map;

/**
 * The source offsets of recently captured changes, so that capture acknowledges only what a restart may skip:
 * everything before the oldest row still held. Acknowledging further would let Postgres recycle WAL that a restart
 * needs to see that row again.
 */
final class SafeOffsets {
    private record Entry(SourcePosition position, Map<String, ?> offset) {
    }

    private final Deque<Entry> entries = new ArrayDeque<>();

    void add(SourcePosition position, Map<String, ?> offset) {
        entries.addLast(new Entry(position, offset));
    }

    /**
     * The offset of the newest change before {@code oldestHeld} (every change if nothing is held), or null if no
     * change seen so far lies before it. Older entries are forgotten: acknowledgements only move forward.
     */
    Map<String, ?> safePoint(SourcePosition oldestHeld) {
        Entry safe = null;
        while (!entries.isEmpty()
                && (oldestHeld == null || entries.peekFirst().position().compareTo(oldestHeld) < 0)) {
            safe = entries.pollFirst();
        }
        if (safe != null) {
            // Keep it: until a newer change is safe, it stays the point to acknowledge.
            entries.addFirst(safe);
        }
        return safe == null ? null : safe.offset();
    }

    int size() {
        return entries.size();
    }
}
