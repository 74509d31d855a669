package io.synapsebridge.adapter.source;

import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The last token of each writer on each stream, as far as the stream topics have been read: what POSITION
 * announces. Owned by the thread that reads the topics.
 */
public final class TokenTable {
    private final Map<String, Map<String, Long>> tokens = new HashMap<>();

    /** Records {@code token} for the writer; returns the token it had before, 0 if none. */
    public long advance(String stream, String instance, long token) {
        Map<String, Long> writers = tokens.computeIfAbsent(stream, s -> new LinkedHashMap<>());
        Long previous = writers.get(instance);
        if (previous == null || token > previous) {
            writers.put(instance, token);
        }
        return previous == null ? 0 : previous;
    }

    /** The writer's tokens went back to {@code token} (a reset record): its new run continues from there. */
    public void reset(String stream, String instance, long token) {
        tokens.computeIfAbsent(stream, s -> new LinkedHashMap<>()).put(instance, token);
    }

    /** Writers of {@code stream} in the order first seen, with their last token; empty if none seen. */
    public Map<String, Long> writers(String stream) {
        Map<String, Long> w = tokens.get(stream);
        return w == null ? Map.of() : Collections.unmodifiableMap(w);
    }

    public long token(String stream, String instance) {
        return writers(stream).getOrDefault(instance, 0L);
    }
}
