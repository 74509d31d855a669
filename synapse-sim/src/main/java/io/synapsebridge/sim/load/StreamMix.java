package io.synapsebridge.sim.load;

import io.synapsebridge.sim.id.Stream;
import java.util.EnumMap;
import java.util.Map;
import java.util.random.RandomGenerator;

/** Relative weights of the streams a load run writes. */
public final class StreamMix {
    private final Map<Stream, Integer> weights;
    private final int total;

    private StreamMix(Map<Stream, Integer> weights) {
        this.weights = new EnumMap<>(weights);
        this.total = weights.values().stream().mapToInt(Integer::intValue).sum();
        if (weights.values().stream().anyMatch(w -> w < 0) || total <= 0) {
            throw new IllegalArgumentException("weights must be non-negative with a positive sum: " + weights);
        }
    }

    public static StreamMix of(Map<Stream, Integer> weights) {
        return new StreamMix(weights);
    }

    /** Roughly a busy homeserver: mostly events, receipts and presence. */
    public static StreamMix typical() {
        Map<Stream, Integer> w = new EnumMap<>(Stream.class);
        w.put(Stream.EVENTS, 35);
        w.put(Stream.BACKFILL, 3);
        w.put(Stream.RECEIPTS, 15);
        w.put(Stream.PRESENCE, 12);
        w.put(Stream.TO_DEVICE, 8);
        w.put(Stream.ACCOUNT_DATA, 6);
        w.put(Stream.CACHES, 8);
        w.put(Stream.DEVICE_LISTS, 6);
        w.put(Stream.PUSH_RULES, 4);
        w.put(Stream.PUSHERS, 3);
        return new StreamMix(w);
    }

    public static StreamMix only(Stream stream) {
        return new StreamMix(Map.of(stream, 1));
    }

    public Stream pick(RandomGenerator random) {
        int n = random.nextInt(total);
        for (Map.Entry<Stream, Integer> e : weights.entrySet()) {
            n -= e.getValue();
            if (n < 0) {
                return e.getKey();
            }
        }
        throw new IllegalStateException("weights changed");
    }
}
