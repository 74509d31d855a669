package io.synapsebridge.connectors.publish;

import io.synapsebridge.contract.StreamTopics;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;

/** Reads the last committed capture checkpoint, the point a restarted capture resumes from. */
public final class CheckpointReader {
    private CheckpointReader() {
    }

    public static CaptureCheckpoint read(String bootstrapServers, StreamTopics topics, Duration timeout) {
        Properties p = new Properties();
        p.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        p.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        p.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        try (KafkaConsumer<String, byte[]> consumer = new KafkaConsumer<>(p, new StringDeserializer(),
                new ByteArrayDeserializer())) {
            TopicPartition tp = new TopicPartition(topics.captureState(), 0);
            List<TopicPartition> tps = List.of(tp);
            consumer.assign(tps);
            consumer.seekToBeginning(tps);
            Map<TopicPartition, Long> end = consumer.endOffsets(tps, timeout);
            long endOffset = end.get(tp);
            CaptureCheckpoint last = CaptureCheckpoint.EMPTY;
            long deadline = System.nanoTime() + timeout.toNanos();
            while (consumer.position(tp, timeout) < endOffset) {
                if (System.nanoTime() > deadline) {
                    throw new IllegalStateException("timed out reading " + topics.captureState());
                }
                for (ConsumerRecord<String, byte[]> r : consumer.poll(Duration.ofMillis(200))) {
                    if (StreamPublisher.CHECKPOINT_KEY.equals(r.key()) && r.value() != null) {
                        last = CaptureCheckpoint.decode(r.value());
                    }
                }
            }
            return last;
        }
    }
}
