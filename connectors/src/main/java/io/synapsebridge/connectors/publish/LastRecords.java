package io.synapsebridge.connectors.publish;

import io.synapsebridge.contract.InvalidRecordException;
import io.synapsebridge.contract.StreamRecord;
import io.synapsebridge.contract.StreamRecordCodec;
import io.synapsebridge.contract.StreamTopics;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Reads the last committed record of each writer in stream topics, from the topics' tails: what a restarted capture
 * published last for streams that have no checkpoint (the in-memory ones).
 */
public final class LastRecords {
    private static final Logger LOG = LoggerFactory.getLogger(LastRecords.class);

    private LastRecords() {
    }

    /**
     * @param tail how many records at the end of each topic to look at: enough to meet every writer of the stream
     */
    public static List<StreamRecord> read(String bootstrapServers, StreamTopics topics, Collection<String> streams,
            int tail, Duration timeout) {
        Properties p = new Properties();
        p.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        p.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        p.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        StreamRecordCodec codec = new StreamRecordCodec();
        Map<String, StreamRecord> last = new LinkedHashMap<>();
        try (KafkaConsumer<String, byte[]> consumer = new KafkaConsumer<>(p, new StringDeserializer(),
                new ByteArrayDeserializer())) {
            List<TopicPartition> partitions = new ArrayList<>();
            for (String stream : streams) {
                partitions.add(new TopicPartition(topics.stream(stream), 0));
            }
            consumer.assign(partitions);
            Map<TopicPartition, Long> begin = consumer.beginningOffsets(partitions, timeout);
            Map<TopicPartition, Long> end = consumer.endOffsets(partitions, timeout);
            for (TopicPartition tp : partitions) {
                consumer.seek(tp, Math.max(begin.get(tp), end.get(tp) - tail));
            }
            long deadline = System.nanoTime() + timeout.toNanos();
            while (partitions.stream().anyMatch(tp -> consumer.position(tp, timeout) < end.get(tp))) {
                if (System.nanoTime() > deadline) {
                    throw new IllegalStateException("timed out reading the tails of " + partitions);
                }
                for (ConsumerRecord<String, byte[]> r : consumer.poll(Duration.ofMillis(200))) {
                    try {
                        StreamRecord record = codec.decode(r.value());
                        if (!record.stream().equals(topics.streamOf(r.topic()))) {
                            throw new InvalidRecordException("record of stream '" + record.stream() + "'");
                        }
                        last.put(record.stream() + "/" + record.instance(), record);
                    } catch (InvalidRecordException e) {
                        LOG.warn("skipping record {}-{}@{}: {}", r.topic(), r.partition(), r.offset(), e.getMessage());
                    }
                }
            }
        }
        return List.copyOf(last.values());
    }
}
