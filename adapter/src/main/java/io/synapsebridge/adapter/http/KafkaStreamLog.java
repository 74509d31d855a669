package io.synapsebridge.adapter.http;

import io.synapsebridge.contract.InvalidRecordException;
import io.synapsebridge.contract.StreamRecord;
import io.synapsebridge.contract.StreamRecordCodec;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A {@link StreamLog} over partition 0 of a stream topic, read with a read_committed consumer assigned to it for the
 * duration of one request. Its end is the last stable offset when opened, so one request sees one consistent
 * snapshot of the topic however much is written meanwhile.
 */
public final class KafkaStreamLog implements StreamLog {
    private static final Logger LOG = LoggerFactory.getLogger(KafkaStreamLog.class);
    private static final Duration POLL = Duration.ofMillis(100);

    private final Consumer<String, byte[]> consumer;
    private final TopicPartition partition;
    private final String stream;
    private final StreamRecordCodec codec;
    private final long deadlineNanos;
    private final long start;
    private final long end;

    private KafkaStreamLog(Consumer<String, byte[]> consumer, TopicPartition partition, String stream,
            StreamRecordCodec codec, long deadlineNanos, long start, long end) {
        this.consumer = consumer;
        this.partition = partition;
        this.stream = stream;
        this.codec = codec;
        this.deadlineNanos = deadlineNanos;
        this.start = start;
        this.end = end;
    }

    /**
     * Assigns {@code consumer} to the topic and takes its current bounds.
     *
     * @param timeout the budget for opening and every later fetch together
     * @throws MissingTopicException if the topic does not exist
     * @throws ReadTimeoutException  if the budget runs out
     */
    public static KafkaStreamLog open(Consumer<String, byte[]> consumer, String topic, String stream,
            StreamRecordCodec codec, Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        if (consumer.partitionsFor(topic, timeout).isEmpty()) {
            throw new MissingTopicException(topic);
        }
        TopicPartition tp = new TopicPartition(topic, 0);
        consumer.assign(List.of(tp));
        long start = consumer.beginningOffsets(List.of(tp), remaining(deadline, topic)).get(tp);
        long end = consumer.endOffsets(List.of(tp), remaining(deadline, topic)).get(tp);
        return new KafkaStreamLog(consumer, tp, stream, codec, deadline, start, end);
    }

    /**
     * This view's topic up to {@code newEnd} instead, with a fresh budget: for a reader that follows a topic past the
     * end it opened with. {@code newEnd} must not be past the last stable offset.
     */
    public KafkaStreamLog until(long newEnd, Duration timeout) {
        return new KafkaStreamLog(consumer, partition, stream, codec, System.nanoTime() + timeout.toNanos(), start,
                newEnd);
    }

    /** A consumer that sees committed records only and never joins a group or creates a topic. */
    public static Consumer<String, byte[]> newConsumer(String bootstrapServers, String clientId) {
        Properties p = new Properties();
        p.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        p.put(ConsumerConfig.CLIENT_ID_CONFIG, clientId);
        p.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        p.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        p.put(ConsumerConfig.ALLOW_AUTO_CREATE_TOPICS_CONFIG, false);
        p.put(ConsumerConfig.MAX_POLL_RECORDS_CONFIG, 500);
        // Each probe of the token search is one fetch: keep them small, a few hundred rows at most.
        p.put(ConsumerConfig.MAX_PARTITION_FETCH_BYTES_CONFIG, 256 * 1024);
        p.put(ConsumerConfig.FETCH_MAX_WAIT_MS_CONFIG, 50);
        return new KafkaConsumer<>(p, new StringDeserializer(), new ByteArrayDeserializer());
    }

    @Override
    public long startOffset() {
        return start;
    }

    @Override
    public long endOffset() {
        return end;
    }

    @Override
    public LogBatch fetch(long offset) {
        consumer.seek(partition, offset);
        while (true) {
            ConsumerRecords<String, byte[]> polled = consumer.poll(POLL);
            long next = Math.min(consumer.position(partition), end);
            // An empty poll that still moved the position has stepped over transaction markers or aborted records.
            if (!polled.isEmpty() || next > offset) {
                return new LogBatch(decode(polled), next);
            }
            remaining(deadlineNanos, partition.topic());
        }
    }

    private List<LogBatch.Entry> decode(ConsumerRecords<String, byte[]> polled) {
        List<LogBatch.Entry> out = new ArrayList<>(polled.count());
        for (ConsumerRecord<String, byte[]> r : polled.records(partition)) {
            if (r.offset() >= end) {
                break;
            }
            try {
                StreamRecord record = codec.decode(r.value());
                if (!record.stream().equals(stream)) {
                    throw new InvalidRecordException("record of stream '" + record.stream() + "' in the topic of '"
                            + stream + "'");
                }
                out.add(new LogBatch.Entry(r.offset(), record));
            } catch (InvalidRecordException e) {
                LOG.warn("skipping record {}@{}: {}", partition, r.offset(), e.getMessage());
            }
        }
        return out;
    }

    private static Duration remaining(long deadlineNanos, String topic) {
        long left = deadlineNanos - System.nanoTime();
        if (left <= 0) {
            throw new ReadTimeoutException(topic);
        }
        return Duration.ofNanos(left);
    }
}
