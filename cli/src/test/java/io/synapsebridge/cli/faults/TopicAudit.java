package io.synapsebridge.cli.faults;

import io.synapsebridge.adapter.http.KafkaStreamLog;
import io.synapsebridge.adapter.http.LogBatch;
import io.synapsebridge.contract.StreamRecord;
import io.synapsebridge.contract.StreamRecordCodec;
import io.synapsebridge.contract.StreamTopics;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.apache.kafka.clients.consumer.Consumer;

/**
 * The stream topics themselves checked against what the database holds, apart from what any worker made of them:
 * per writer, row tokens rise through the topic with the rows of one token together, no position record lies below
 * an earlier token, every committed token is there and none appears twice. Tells capture's faults from the
 * server's: a row duplicated in the topic came from capture.
 */
final class TopicAudit {
    private static final Duration READ = Duration.ofMinutes(2);

    record Result(long rows, long lost, long duplicated, List<String> problems) {
    }

    /** What the audit has seen of one writer so far. */
    private static final class Writer {
        final Set<Long> tokens = new HashSet<>();
        long last;
        long lastRow = -1;
    }

    private final Map<String, Writer> writers = new HashMap<>();
    private final List<String> problems = new ArrayList<>();
    private long rows;
    private long duplicated;

    /** Reads the topic of every stream with a committed row, from its start to its last stable offset. */
    static Result check(String bootstrapServers, StreamTopics topics, ResumeCheck.Expectations expected) {
        Set<String> streams = new TreeSet<>();
        expected.required().keySet().forEach(key -> streams.add(key.substring(0, key.indexOf(' '))));
        TopicAudit audit = new TopicAudit();
        StreamRecordCodec codec = new StreamRecordCodec();
        try (Consumer<String, byte[]> consumer = KafkaStreamLog.newConsumer(bootstrapServers, "topic-audit")) {
            for (String stream : streams) {
                KafkaStreamLog log = KafkaStreamLog.open(consumer, topics.stream(stream), stream, codec, READ);
                for (long offset = log.startOffset(); offset < log.endOffset();) {
                    LogBatch batch = log.fetch(offset);
                    batch.entries().forEach(e -> audit.accept(e.offset(), e.record()));
                    offset = batch.nextOffset();
                }
            }
        }
        return audit.result(expected);
    }

    /** The next record of its topic, at {@code offset}. */
    void accept(long offset, StreamRecord r) {
        String key = r.stream() + " " + r.instance();
        Writer w = writers.computeIfAbsent(key, k -> new Writer());
        String at = key + " at offset " + offset + ": ";
        if (r.isRow()) {
            rows++;
            boolean sameGroup = r.token() == w.lastRow && w.last == w.lastRow;
            if (!sameGroup && !w.tokens.add(r.token())) {
                duplicated++;
                ResumeCheck.add(problems, at + "token " + r.token() + " again");
            } else if (!sameGroup && r.token() <= w.last) {
                ResumeCheck.add(problems, at + "row token " + r.token() + " after " + w.last);
            }
            w.lastRow = r.token();
        } else if (r.token() < w.last) {
            ResumeCheck.add(problems, at + "position " + r.token() + " after " + w.last);
        }
        w.last = Math.max(w.last, r.token());
    }

    /** What was read, against the committed tokens. */
    Result result(ResumeCheck.Expectations expected) {
        List<String> out = new ArrayList<>(problems);
        long lost = 0;
        for (Map.Entry<String, TreeSet<Long>> e : expected.required().entrySet()) {
            Set<Long> published = writers.containsKey(e.getKey()) ? writers.get(e.getKey()).tokens : Set.of();
            long missing = e.getValue().stream().filter(t -> !published.contains(t)).count();
            if (missing > 0) {
                lost += missing;
                ResumeCheck.add(out, e.getKey() + ": " + missing + " committed tokens not in the topic");
            }
        }
        writers.forEach((key, w) -> {
            long unknown = w.tokens.stream().filter(t -> !expected.required().getOrDefault(key, new TreeSet<>())
                    .contains(t) && !expected.allowed().getOrDefault(key, Set.of()).contains(t)).count();
            if (unknown > 0) {
                ResumeCheck.add(out, key + ": " + unknown + " tokens in the topic never committed");
            }
        });
        return new Result(rows, lost, duplicated, out);
    }
}
