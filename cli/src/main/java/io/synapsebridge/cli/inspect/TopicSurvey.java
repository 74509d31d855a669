package io.synapsebridge.cli.inspect;

import io.synapsebridge.adapter.http.KafkaStreamLog;
import io.synapsebridge.contract.StreamRecord;
import io.synapsebridge.contract.StreamRecordCodec;
import io.synapsebridge.contract.StreamTopics;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.PartitionInfo;
import org.apache.kafka.common.TopicPartition;

/** What the stream topics hold: offsets, and the last token of each writer, read from each topic's tail. */
public final class TopicSurvey {
    /** Records read back from a topic's end to find its writers' last tokens. */
    private static final int TAIL_RECORDS = 500;

    /** One stream topic: null offsets if it does not exist. */
    public record StreamState(String stream, String topic, Long startOffset, Long endOffset,
            Map<String, Long> lastTokens) {
        public boolean exists() {
            return endOffset != null;
        }
    }

    private final String bootstrapServers;
    private final Duration timeout;

    public TopicSurvey(String bootstrapServers, Duration timeout) {
        this.bootstrapServers = bootstrapServers;
        this.timeout = timeout;
    }

    public List<StreamState> streams(StreamTopics topics, Collection<String> streams) {
        StreamRecordCodec codec = new StreamRecordCodec();
        try (Consumer<String, byte[]> consumer = KafkaStreamLog.newConsumer(bootstrapServers,
                "synapse-kafka-bridge-status")) {
            Set<String> existing = consumer.listTopics(timeout).keySet();
            List<StreamState> out = new ArrayList<>();
            for (String stream : streams) {
                String topic = topics.stream(stream);
                if (!existing.contains(topic)) {
                    out.add(new StreamState(stream, topic, null, null, Map.of()));
                    continue;
                }
                TopicPartition tp = new TopicPartition(topic, 0);
                consumer.assign(List.of(tp));
                long start = consumer.beginningOffsets(List.of(tp), timeout).get(tp);
                long end = consumer.endOffsets(List.of(tp), timeout).get(tp);
                out.add(new StreamState(stream, topic, start, end, lastTokens(consumer, tp, codec,
                        Math.max(start, end - TAIL_RECORDS), end)));
            }
            return out;
        }
    }

    /** End offset of a topic, or null if it does not exist. */
    public Long endOffset(String topic) {
        try (Consumer<String, byte[]> consumer = KafkaStreamLog.newConsumer(bootstrapServers,
                "synapse-kafka-bridge-status")) {
            List<PartitionInfo> partitions = consumer.listTopics(timeout).get(topic);
            if (partitions == null) {
                return null;
            }
            List<TopicPartition> tps = partitions.stream().map(p -> new TopicPartition(topic, p.partition()))
                    .collect(Collectors.toList());
            return consumer.endOffsets(tps, timeout).values().stream().mapToLong(Long::longValue).sum();
        }
    }

    private Map<String, Long> lastTokens(Consumer<String, byte[]> consumer, TopicPartition tp,
            StreamRecordCodec codec, long from, long end) {
        Map<String, Long> tokens = new TreeMap<>();
        consumer.seek(tp, from);
        long deadline = System.nanoTime() + timeout.toNanos();
        while (consumer.position(tp) < end && System.nanoTime() < deadline) {
            for (ConsumerRecord<String, byte[]> r : consumer.poll(Duration.ofMillis(200)).records(tp)) {
                if (r.offset() < end) {
                    StreamRecord record = codec.decode(r.value());
                    if (record.isReset()) {
                        tokens.put(record.instance(), record.token()); // the writer's tokens went back
                    } else {
                        tokens.merge(record.instance(), record.token(), Math::max);
                    }
                }
            }
        }
        return tokens;
    }
}
