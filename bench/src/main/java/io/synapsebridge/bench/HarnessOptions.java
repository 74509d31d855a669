package io.synapsebridge.bench;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * Command-line options of {@link AdapterLoadHarness}.
 *
 * @param clients     client counts to measure, each in every round (e.g. {@code 1,100})
 * @param backlog     records written to {@code events} before the adapter starts
 * @param records     fresh records produced per measurement
 * @param rounds      measured rounds; the summary gives medians over them
 * @param maxPending  the adapter's per-connection backlog limit (Synapse's is 10000)
 * @param clientThreads threads the raw clients share
 * @param timeout     the longest one measurement may take before it is reported as incomplete
 */
record HarnessOptions(List<Integer> clients, long backlog, int records, int rounds, int maxPending,
        int clientThreads, Duration timeout) {

    static final String USAGE = """
            usage: AdapterLoadHarness [--clients 1,100] [--backlog 1000000] [--records 200000] [--rounds 3]
                                      [--max-pending 10000] [--client-threads 1] [--timeout-s 180]""";

    static HarnessOptions parse(String[] args) {
        List<Integer> clients = List.of(1, 100);
        long backlog = 1_000_000;
        int records = 200_000;
        int rounds = 3;
        int maxPending = 10_000;
        int clientThreads = 1;
        long timeoutSeconds = 180;
        for (int i = 0; i < args.length; i += 2) {
            if (i + 1 >= args.length) {
                throw new IllegalArgumentException("option " + args[i] + " needs a value");
            }
            String value = args[i + 1];
            switch (args[i]) {
                case "--clients" -> clients = counts(value);
                case "--backlog" -> backlog = atLeast(Long.parseLong(value), 1, "--backlog");
                case "--records" -> records = (int) atLeast(Integer.parseInt(value), 1, "--records");
                case "--rounds" -> rounds = (int) atLeast(Integer.parseInt(value), 1, "--rounds");
                case "--max-pending" -> maxPending = (int) atLeast(Integer.parseInt(value), 1, "--max-pending");
                case "--client-threads" -> clientThreads = (int) atLeast(Integer.parseInt(value), 1,
                        "--client-threads");
                case "--timeout-s" -> timeoutSeconds = atLeast(Long.parseLong(value), 1, "--timeout-s");
                default -> throw new IllegalArgumentException("unknown option " + args[i]);
            }
        }
        return new HarnessOptions(clients, backlog, records, rounds, maxPending, clientThreads,
                Duration.ofSeconds(timeoutSeconds));
    }

    private static List<Integer> counts(String value) {
        List<Integer> out = new ArrayList<>();
        for (String part : value.split(",")) {
            out.add((int) atLeast(Integer.parseInt(part.trim()), 1, "--clients"));
        }
        return List.copyOf(out);
    }

    private static long atLeast(long value, long min, String option) {
        if (value < min) {
            throw new IllegalArgumentException(option + " must be at least " + min + ", got " + value);
        }
        return value;
    }
}
