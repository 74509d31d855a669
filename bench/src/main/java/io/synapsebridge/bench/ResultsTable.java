package io.synapsebridge.bench;

import java.io.PrintStream;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.function.ToDoubleFunction;

/** Prints the measurements, then medians over the rounds and the ratios the adapter is judged by. */
final class ResultsTable {
    private static final String ROW = "%-7s %7d %10s %10s %10s %10s %11s %8s %6s %6s %6s %6s  %s%n";

    private ResultsTable() {
    }

    static void print(PrintStream out, List<Measurement> all, List<Integer> clientCounts, String adapterMemory) {
        out.printf(Locale.ROOT, "%-7s %7s %10s %10s %10s %10s %11s %8s %6s %6s %6s %6s  %s%n", "round", "clients",
                "produce/s", "consumer/s", "client/s", "slowest/s", "aggregate/s", "adp/cons", "adpCPU", "hrnCPU",
                "cliCPU", "wall", "incomplete");
        for (Measurement m : all) {
            out.printf(Locale.ROOT, ROW, m.round() == Measurement.WARM_UP ? "warm-up" : Integer.toString(m.round()),
                    m.clients(), k(m.producerRate()), k(m.consumerRate()), k(m.medianClientRate()),
                    k(m.slowestClientRate()), k(m.aggregateRate()), ratio(m.adapterToConsumer()),
                    seconds(m.adapterCpu().toNanos()), seconds(m.harnessCpu().toNanos()),
                    seconds(m.clientsCpu().toNanos()), seconds(m.wallNanos()),
                    m.shortfalls().isEmpty() ? "" : m.shortfalls().size() + ": " + m.shortfalls().get(0));
        }
        List<Measurement> measured = all.stream().filter(m -> m.round() != Measurement.WARM_UP).toList();
        out.println();
        out.println("medians over " + measured.stream().mapToInt(Measurement::round).max().orElse(0) + " rounds"
                + " (rates in records or lines per second; k = 1000):");
        for (int n : clientCounts) {
            List<Measurement> of = measured.stream().filter(m -> m.clients() == n).toList();
            out.printf(Locale.ROOT, "  %3d client(s): plain consumer %s, adapter per client %s (slowest %s),"
                    + " aggregate %s, adapter/consumer %s%n", n,
                    k(median(of, Measurement::consumerRate)), k(median(of, Measurement::medianClientRate)),
                    k(median(of, Measurement::slowestClientRate)), k(median(of, Measurement::aggregateRate)),
                    ratio(median(of, Measurement::adapterToConsumer)));
        }
        if (clientCounts.contains(1)) {
            out.printf(Locale.ROOT, "  adapter to one client vs plain consumer: %s (target >= 0.8)%n",
                    ratio(median(measured.stream().filter(m -> m.clients() == 1).toList(),
                            Measurement::adapterToConsumer)));
            int most = clientCounts.stream().mapToInt(Integer::intValue).max().orElse(1);
            if (most > 1) {
                double[] perRound = measured.stream().mapToInt(Measurement::round).distinct()
                        .mapToDouble(r -> aggregate(measured, r, most) / aggregate(measured, r, 1)).toArray();
                out.printf(Locale.ROOT, "  aggregate with %d clients vs one client: %sx (target >= 20x)%n", most,
                        ratio(median(perRound)));
            }
        }
        out.println("adapter JVM: " + adapterMemory);
    }

    private static double aggregate(List<Measurement> measured, int round, int clients) {
        return measured.stream().filter(m -> m.round() == round && m.clients() == clients)
                .mapToDouble(Measurement::aggregateRate).findFirst().orElse(Double.NaN);
    }

    /** The median; NaN (an incomplete measurement) counts as the lowest value. */
    private static double median(List<Measurement> of, ToDoubleFunction<Measurement> value) {
        return median(of.stream().mapToDouble(value).toArray());
    }

    private static double median(double[] values) {
        if (values.length == 0) {
            return Double.NaN;
        }
        double[] sorted = Arrays.stream(values).map(v -> Double.isNaN(v) ? Double.NEGATIVE_INFINITY : v).sorted()
                .toArray();
        double m = sorted.length % 2 == 1 ? sorted[sorted.length / 2]
                : (sorted[sorted.length / 2 - 1] + sorted[sorted.length / 2]) / 2;
        return Double.isInfinite(m) ? Double.NaN : m;
    }

    private static String k(double perSecond) {
        return Double.isNaN(perSecond) ? "n/a" : String.format(Locale.ROOT, "%.1fk", perSecond / 1000);
    }

    private static String ratio(double r) {
        return Double.isNaN(r) ? "n/a" : String.format(Locale.ROOT, "%.2f", r);
    }

    private static String seconds(long nanos) {
        return String.format(Locale.ROOT, "%.1f", nanos / 1e9);
    }
}
