package io.synapsebridge.connectors.sequencing;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Puts captured rows in token order per (stream, writer) and lets them out only up to the writer's frontier.
 *
 * <p>Capture sees rows in commit order, which is not token order, and never sees ids that were rolled back. A row is
 * therefore held until the writer itself says (through a frontier source) that every row at or below some token is
 * committed; then the rows up to that token go out together, in token order. This is the invariant workers depend
 * on: nothing at or below an announced token may appear later.
 *
 * <p>Not thread-safe: the capture loop owns it.
 */
public final class Sequencer {
    private final Map<WriterKey, WriterQueue> queues = new HashMap<>();
    /** Changes at or before this position were captured before a restart; their rows may be published already. */
    private SourcePosition replayedUpTo;

    private record WriterKey(String stream, String instance) {
    }

    /**
     * Restores what was published before a restart: the frontier of each writer and how far capture had read.
     * Rows delivered again from before {@code capturedUpTo} whose token is covered are then dropped as duplicates.
     */
    public void restore(Map<String, Map<String, Long>> publishedByStreamAndWriter, SourcePosition capturedUpTo) {
        publishedByStreamAndWriter.forEach((stream, writers) -> writers.forEach(
                (instance, token) -> queues.put(new WriterKey(stream, instance),
                        new WriterQueue(stream, instance, token))));
        this.replayedUpTo = capturedUpTo;
    }

    public Offer offer(CapturedRow row) {
        WriterQueue queue = queue(row.stream(), row.instance());
        if (queue.isCovered(row.token())) {
            boolean replayed = replayedUpTo != null && row.source().compareTo(replayedUpTo) <= 0;
            return replayed ? Offer.DUPLICATE : Offer.LATE;
        }
        queue.hold(row);
        return Offer.HELD;
    }

    /** The writer's frontier reached {@code token}: what may be published now, in order. */
    public List<Publication> advance(String stream, String instance, long token) {
        List<Publication> out = new ArrayList<>();
        queue(stream, instance).advance(token, out);
        return out;
    }

    /** The highest token published for the writer, 0 if none. */
    public long published(String stream, String instance) {
        WriterQueue q = queues.get(new WriterKey(stream, instance));
        return q == null ? 0 : q.published();
    }

    /** Whether a row of the writer at or below {@code token} is held. */
    public boolean holdsAtOrBelow(String stream, String instance, long token) {
        WriterQueue q = queues.get(new WriterKey(stream, instance));
        return q != null && q.holdsAtOrBelow(token);
    }

    /** The writers of {@code stream} seen so far (with rows held or published, or restored). */
    public List<String> writers(String stream) {
        List<String> out = new ArrayList<>();
        for (WriterKey k : queues.keySet()) {
            if (k.stream().equals(stream)) {
                out.add(k.instance());
            }
        }
        return out;
    }

    /** Every writer's published frontier, by stream then writer. */
    public Map<String, Map<String, Long>> publishedFrontiers() {
        Map<String, Map<String, Long>> out = new HashMap<>();
        queues.forEach((k, q) -> out.computeIfAbsent(k.stream(), s -> new HashMap<>()).put(k.instance(),
                q.published()));
        return out;
    }

    /**
     * The oldest source position of a held row, or null when nothing is held. Capture may not be acknowledged at or
     * past it, or a restart would lose the row.
     */
    public SourcePosition oldestHeld() {
        SourcePosition oldest = null;
        for (WriterQueue q : queues.values()) {
            SourcePosition p = q.oldestHeld();
            if (p != null && (oldest == null || p.compareTo(oldest) < 0)) {
                oldest = p;
            }
        }
        return oldest;
    }

    public int heldCount() {
        return queues.values().stream().mapToInt(WriterQueue::heldCount).sum();
    }

    private WriterQueue queue(String stream, String instance) {
        return queues.computeIfAbsent(new WriterKey(stream, instance), k -> new WriterQueue(stream, instance, 0));
    }
}
