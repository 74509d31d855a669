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
        assertThat(actual).as("rows per writer and token (token -> count)").isEqualTo(expected);

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

    static String summary(List<StreamRecord> topic) {
        return topic.stream().map(r -> (r.isRow() ? "row " : "pos ") + r.instance() + "/" + r.token())
                .collect(Collectors.joining(", "));
    }
}
