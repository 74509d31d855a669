package io.synapsebridge.cli.faults;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * One worker's log, over all its connections, checked against what the database holds: every committed token of
 * every stream and writer applied exactly once, positions per stream and writer never going back, nothing applied
 * that was never committed, and no position announced past a committed token the worker had not yet received.
 */
final class ResumeCheck {
    private static final int MAX_LISTED = 20;

    /**
     * @param required per "stream writer", the tokens the worker must end with
     * @param allowed  per "stream writer", tokens it may also get: commits whose outcome the writer never learnt,
     *                 rows already there before capture started
     */
    record Expectations(Map<String, TreeSet<Long>> required, Map<String, Set<Long>> allowed) {
    }

    record Result(long lost, long duplicated, long applied, List<String> problems) {
        boolean clean() {
            return problems.isEmpty();
        }
    }

    private ResumeCheck() {
    }

    static Result check(WorkerLog log, Expectations expected) {
        Map<String, TreeSet<Long>> missing = new HashMap<>();
        expected.required().forEach((key, tokens) -> missing.put(key, new TreeSet<>(tokens)));
        Map<String, Set<Long>> applied = new HashMap<>();
        Map<String, Long> position = new HashMap<>();
        List<String> problems = new ArrayList<>();
        long duplicated = 0;
        long count = 0;
        for (WorkerLog.Entry e : log.entries()) {
            TreeSet<Long> due = missing.computeIfAbsent(e.key(), k -> new TreeSet<>());
            switch (e.kind()) {
                case APPLIED -> {
                    count++;
                    if (!applied.computeIfAbsent(e.key(), k -> new TreeSet<>()).add(e.token())) {
                        duplicated++;
                        add(problems, "applied twice: " + e.key() + " " + e.token());
                    }
                    boolean known = expected.required().getOrDefault(e.key(), new TreeSet<>()).contains(e.token())
                            || expected.allowed().getOrDefault(e.key(), Set.of()).contains(e.token());
                    if (!known) {
                        add(problems, "never committed: " + e.key() + " " + e.token());
                    }
                    if (e.token() <= position.getOrDefault(e.key(), 0L)) {
                        add(problems, "went back: " + e.key() + " " + e.token() + " after " + position.get(e.key()));
                    }
                    due.remove(e.token());
                    if (!due.isEmpty() && due.first() < e.token()) {
                        add(problems, "applied " + e.key() + " " + e.token() + " before committed token "
                                + due.first());
                    }
                    position.put(e.key(), e.token());
                }
                case POSITIONED -> {
                    if (!due.isEmpty() && due.first() <= e.token()) {
                        add(problems, "position " + e.key() + " " + e.token() + " announced before committed token "
                                + due.first() + " arrived");
                    }
                    position.merge(e.key(), e.token(), Math::max);
                }
                case REPEATED -> {
                    duplicated++;
                    add(problems, e.detail());
                }
            }
        }
        long lost = 0;
        for (Map.Entry<String, TreeSet<Long>> m : missing.entrySet()) {
            if (!m.getValue().isEmpty()) {
                lost += m.getValue().size();
                add(problems, m.getKey() + ": " + m.getValue().size() + " committed tokens never arrived, first "
                        + m.getValue().first());
            }
        }
        return new Result(lost, duplicated, count, problems);
    }

    /** Adds {@code problem} unless the list is full, which it marks once. */
    static void add(List<String> problems, String problem) {
        if (problems.size() < MAX_LISTED) {
            problems.add(problem);
        } else if (problems.size() == MAX_LISTED) {
            problems.add("...");
        }
    }
}
