package io.synapsebridge.bench;

import java.time.Duration;
import java.util.Arrays;
import java.util.List;

/**
 * One measurement: {@code records} fresh records produced while {@code clients} adapter clients and one plain
 * consumer read them. Every elapsed time runs from the first send to the moment a reader had every record, so the
 * rates compare like with like. An elapsed time of 0 means that reader did not get everything.
 */
record Measurement(int round, int clients, int records, long produceNanos, long[] clientNanos, long consumerNanos,
        List<String> shortfalls, Duration adapterCpu, Duration harnessCpu, Duration clientsCpu, long wallNanos) {

    static final int WARM_UP = 0;

    boolean complete() {
        return shortfalls.isEmpty() && consumerNanos > 0;
    }

    double producerRate() {
        return rate(records, produceNanos);
    }

    double consumerRate() {
        return rate(records, consumerNanos);
    }

    /** Lines per second of the median client. */
    double medianClientRate() {
        long[] sorted = clientNanos.clone();
        Arrays.sort(sorted);
        return rate(records, sorted[sorted.length / 2]);
    }

    /** Lines per second of the slowest client: what every client got at least. */
    double slowestClientRate() {
        return rate(records, slowest());
    }

    /** Lines per second over all clients until the slowest had everything. */
    double aggregateRate() {
        return rate((double) records * clients, slowest());
    }

    /** The slowest client against the plain consumer, measured side by side. */
    double adapterToConsumer() {
        return slowestClientRate() / consumerRate();
    }

    private long slowest() {
        return Arrays.stream(clientNanos).anyMatch(n -> n == 0) ? 0 : Arrays.stream(clientNanos).max().orElse(0);
    }

    private static double rate(double count, long nanos) {
        return nanos > 0 ? count * 1e9 / nanos : Double.NaN;
    }
}
