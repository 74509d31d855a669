package io.synapsebridge.connectors.capture;

import static org.assertj.core.api.Assertions.assertThat;

import io.synapsebridge.contract.StreamRecord;
import io.synapsebridge.sim.CommittedRow;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;

/** The topic contract, checked against what the writer committed. */
final class StreamChecks {
    private StreamChecks() {
    }

    /**
     * Every committed row exactly once; tokens never going back per writer; and no record announcing a token T
     * before every committed row of its writer at or below T has appeared.
     */
    static void assertExactlyOnceInTokenOrder(List<StreamRecord> topic, List<CommittedRow> committed) {
        Map<String, Long> lastToken = new HashMap<>();
        for (StreamRecord r : topic) {
            long last = lastToken.getOrDefault(r.instance(), 0L);
            assertThat(r.token()).as("token of %s after %s", r, last).isGreaterThanOrEqualTo(last);
            if (!r.isRow()) {
                assertThat(r.token()).as("position %s moves forward", r).isGreaterThan(last);
            }
            lastToken.put(r.instance(), r.token());
        }

        Map<String, TreeMap<Long, Long>> expected = new HashMap<>();
        for (CommittedRow row : committed) {
            expected.computeIfAbsent(row.instance(), i -> new TreeMap<>()).merge(row.token(), 1L, Long::sum);
        }
        Map<String, TreeMap<Long, Long>> actual = new HashMap<>();
        for (StreamRecord r : topic) {
            if (r.isRow()) {
                actual.computeIfAbsent(r.instance(), i -> new TreeMap<>()).merge(r.token(), 1L, Long::sum);
            }
        }
        if (!actual.equals(expected)) {
            throw new AssertionError("rows per writer and token differ: " + firstDifferences(expected, actual, committed,
                    topic));
        }

        // Nothing announced early: when a record with token T appears, every committed row of its writer below T
        // (at or below T, for a position) is already there.
        Map<String, TreeMap<Long, Long>> cumulative = new HashMap<>();
        expected.forEach((instance, counts) -> {
            TreeMap<Long, Long> c = new TreeMap<>();
            long sum = 0;
            for (var e : counts.entrySet()) {
                sum += e.getValue();
                c.put(e.getKey(), sum);
            }
            cumulative.put(instance, c);
        });
        Map<String, Long> seen = new HashMap<>();
        Map<String, Long> group = new HashMap<>();
        for (StreamRecord r : topic) {
            TreeMap<Long, Long> c = cumulative.getOrDefault(r.instance(), new TreeMap<>());
            long seenSoFar = seen.getOrDefault(r.instance(), 0L);
            if (r.isRow()) {
                if (group.getOrDefault(r.instance(), -1L) != r.token()) {
                    var below = c.lowerEntry(r.token());
                    assertThat(seenSoFar).as("rows below %s published before it", r)
                            .isEqualTo(below == null ? 0 : below.getValue());
                    group.put(r.instance(), r.token());
                }
                seen.put(r.instance(), seenSoFar + 1);
            } else {
                var atOrBelow = c.floorEntry(r.token());
                assertThat(seenSoFar).as("rows at or below %s published before it", r)
                        .isEqualTo(atOrBelow == null ? 0 : atOrBelow.getValue());
            }
        }
    }

    private static String firstDifferences(Map<String, TreeMap<Long, Long>> expected,
            Map<String, TreeMap<Long, Long>> actual, List<CommittedRow> committed, List<StreamRecord> topic) {
        StringBuilder out = new StringBuilder();
        int shown = 0;
        for (var w : expected.entrySet()) {
            TreeMap<Long, Long> a = actual.getOrDefault(w.getKey(), new TreeMap<>());
            java.util.TreeSet<Long> tokens = new java.util.TreeSet<>(w.getValue().keySet());
            tokens.addAll(a.keySet());
            long missing = 0;
            long extra = 0;
            for (long t : tokens) {
                long e = w.getValue().getOrDefault(t, 0L);
                long g = a.getOrDefault(t, 0L);
                missing += Math.max(0, e - g);
                extra += Math.max(0, g - e);
                if (e != g && shown++ < 5) {
                    out.append(String.format("%n  %s/%d: committed %s, published %s", w.getKey(), t,
                            committed.stream().filter(r -> r.instance().equals(w.getKey()) && r.token() == t)
                                    .map(CommittedRow::table).toList(),
                            topic.stream().filter(r -> r.isRow() && r.instance().equals(w.getKey()) && r.token() == t)
                                    .map(r -> r.row().path("kind").asText(r.row().fieldNames().next())).toList()));
                }
            }
            out.append(String.format("%n  writer %s: %d rows missing, %d extra", w.getKey(), missing, extra));
        }
        return out.toString();
    }

    /**
     * For streams whose stream row stands for several table rows of one token (to_device: one row per recipient,
     * whatever the number of devices): each committed token once, rows distinct, and the same order guarantees.
     */
    static void assertEveryTokenPublishedOnce(List<StreamRecord> topic, List<CommittedRow> committed) {
        java.util.Set<String> distinct = new java.util.HashSet<>();
        for (StreamRecord r : topic) {
            if (r.isRow()) {
                assertThat(distinct.add(r.instance() + "/" + r.token() + "/" + r.row()))
                        .as("row published once: %s", r).isTrue();
            }
        }
        java.util.Set<String> committedTokens = committed.stream().map(r -> r.instance() + "/" + r.token())
                .collect(Collectors.toCollection(java.util.TreeSet::new));
        java.util.Set<String> publishedTokens = topic.stream().filter(StreamRecord::isRow)
                .map(r -> r.instance() + "/" + r.token()).collect(Collectors.toCollection(java.util.TreeSet::new));
        assertThat(publishedTokens).as("tokens with rows").isEqualTo(committedTokens);
        // Order and early announcement, on one row per token.
        List<StreamRecord> firstPerToken = new java.util.ArrayList<>();
        java.util.Set<String> seen = new java.util.HashSet<>();
        for (StreamRecord r : topic) {
            if (!r.isRow() || seen.add(r.instance() + "/" + r.token())) {
                firstPerToken.add(r);
            }
        }
        List<CommittedRow> onePerToken = committed.stream()
                .collect(Collectors.toMap(r -> r.instance() + "/" + r.token(), r -> r, (a, b) -> a)).values()
                .stream().toList();
        assertExactlyOnceInTokenOrder(firstPerToken, onePerToken);
    }

    static String summary(List<StreamRecord> topic) {
        return topic.stream().map(r -> (r.isRow() ? "row " : "pos ") + r.instance() + "/" + r.token())
                .collect(Collectors.joining(", "));
    }
}
