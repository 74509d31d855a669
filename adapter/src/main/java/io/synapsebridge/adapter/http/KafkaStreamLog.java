package io.synapsebridge.adapter.http;

import io.synapsebridge.contract.InvalidRecordException;
import io.synapsebridge.contract.StreamRecord;
import io.synapsebridge.contract.StreamRecordCodec;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.common.TopicPartition;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A {@link StreamLog} over partition 0 of a stream topic, read with a read_committed consumer assigned to it for the
 * duration of one request. Its end is the last stable offset when opened, so one request sees one consistent
 * snapshot of the topic however much is written meanwhile.
 */
final class KafkaStreamLog implements StreamLog {
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
    static KafkaStreamLog open(Consumer<String, byte[]> consumer, String topic, String stream,
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
