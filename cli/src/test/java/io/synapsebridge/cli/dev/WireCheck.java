package io.synapsebridge.cli.dev;

import io.synapsebridge.sim.CommittedRow;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

/**
 * What a worker received, checked against what the writer committed, per stream and writer: every committed token's
 * rows arrive as one RDATA group, exactly once, in token order, and no RDATA or POSITION announces a token before every
 * committed token at or below it has arrived.
 */
final class WireCheck {
    private WireCheck() {
    }

    /**
     * The problems found; empty if the worker saw exactly what was committed.
     *
     * @param committed rows committed after the worker subscribed: each is due to it
     * @param earlier   rows committed before: the worker may or may not have been sent them
     */
    static List<String> problems(List<String> received, List<CommittedRow> committed, List<CommittedRow> earlier) {
        Map<String, TreeSet<Long>> expected = tokens(committed);
        Map<String, TreeSet<Long>> optional = tokens(earlier);
        Map<String, TreeSet<Long>> arrived = new HashMap<>();
        Map<String, Long> last = new HashMap<>();
        List<String> problems = new ArrayList<>();
        for (String line : received) {
            String[] f = line.split(" ", 6);
            boolean rdata = f[0].equals("RDATA");
            if (!(rdata || f[0].equals("POSITION")) || f[3].equals("batch")) {
                continue;
            }
            String key = f[1] + " " + f[2];
            long token = Long.parseLong(rdata ? f[3] : f[4]);
            TreeSet<Long> got = arrived.computeIfAbsent(key, k -> new TreeSet<>());
            TreeSet<Long> due = expected.getOrDefault(key, new TreeSet<>());
            if (rdata) {
                if (token <= last.getOrDefault(key, 0L)) {
                    problems.add("token went back or repeated: " + line + " after " + last.get(key));
                }
                if (!due.contains(token) && !optional.getOrDefault(key, new TreeSet<>()).contains(token)) {
                    problems.add("never committed: " + line);
                }
                got.add(token);
            }
            // Everything committed at or below the token (below, for the row's own group) must be in already.
            for (long t : due.headSet(token, true)) {
                if (!got.contains(t)) {
                    problems.add("announced before committed token " + t + " arrived: " + line);
                    break;
                }
            }
            last.merge(key, token, Math::max);
        }
        expected.forEach((key, due) -> {
            TreeSet<Long> missing = new TreeSet<>(due);
            missing.removeAll(arrived.getOrDefault(key, new TreeSet<>()));
            if (!missing.isEmpty()) {
                problems.add(key + ": " + missing.size() + " committed tokens never arrived, first " + missing.first());
            }
        });
        return problems;
    }

    private static Map<String, TreeSet<Long>> tokens(List<CommittedRow> rows) {
        Map<String, TreeSet<Long>> out = new HashMap<>();
        for (CommittedRow row : rows) {
            out.computeIfAbsent(row.replicationStream() + " " + row.instance(), k -> new TreeSet<>()).add(row.token());
        }
        return out;
    }
}
