package io.synapsebridge.sim.load;

import java.time.Duration;

/**
 * A load run: {@code writesPerSecond} stream ids (each one Synapse write, of one or a few rows) for
 * {@code duration}, spread over {@code threads}; each write is rolled back with {@code rollbackProbability}, and
 * with {@code outOfOrderProbability} a thread draws two ids and ends the later one first.
 */
public record LoadProfile(double writesPerSecond, Duration duration, int threads, double rollbackProbability,
                          double outOfOrderProbability, StreamMix mix) {
    public LoadProfile {
        if (!(writesPerSecond > 0) || duration.isNegative() || threads < 1) {
            throw new IllegalArgumentException("need a positive rate, a non-negative duration and at least one thread");
        }
        if (rollbackProbability < 0 || rollbackProbability > 1 || outOfOrderProbability < 0 || outOfOrderProbability > 1) {
            throw new IllegalArgumentException("probabilities must be within [0, 1]");
        }
    }

    public static LoadProfile of(double writesPerSecond, Duration duration) {
        return new LoadProfile(writesPerSecond, duration, 4, 0.05, 0.1, StreamMix.typical());
    }

    public LoadProfile withThreads(int n) {
        return new LoadProfile(writesPerSecond, duration, n, rollbackProbability, outOfOrderProbability, mix);
    }

    public LoadProfile withRollbackProbability(double p) {
        return new LoadProfile(writesPerSecond, duration, threads, p, outOfOrderProbability, mix);
    }

    public LoadProfile withOutOfOrderProbability(double p) {
        return new LoadProfile(writesPerSecond, duration, threads, rollbackProbability, p, mix);
    }

    public LoadProfile withMix(StreamMix m) {
        return new LoadProfile(writesPerSecond, duration, threads, rollbackProbability, outOfOrderProbability, m);
    }
}
