package io.synapsebridge.cli.inspect;

import io.synapsebridge.adapter.http.KafkaStreamLog;
import io.synapsebridge.adapter.http.MissingTopicException;
import io.synapsebridge.adapter.http.TokenSeeker;
import io.synapsebridge.cli.run.StartupException;
import io.synapsebridge.contract.StreamRecord;
import io.synapsebridge.contract.StreamRecordCodec;
import java.time.Duration;
import java.util.function.Consumer;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.TopicPartition;

/**
 * Reads one stream topic from the first record of a writer above a token (found by binary search over the offsets,
 * as the catch-up endpoint does), to its end or, following, until interrupted.
 */
public final class StreamTailer {
    private static final Duration POLL = Duration.ofMillis(200);

    private final String bootstrapServers;
    private final Duration timeout;

    public StreamTailer(String bootstrapServers, Duration timeout) {
        this.bootstrapServers = bootstrapServers;
        this.timeout = timeout;
    }

    /**
     * @param fromToken records of {@code instance} at or below it are skipped (0: from the start)
     * @param limit     stop after this many records (0: no limit)
     * @param follow    keep reading past the end
     * @param start     told the offset reading starts at and the end offset when opened, for progress output
     * @return how many records were handed on
     */
    public long tail(String topic, String stream, String instance, long fromToken, long limit, boolean follow,
            Consumer<StreamRecord> out, StartListener start) {
        StreamRecordCodec codec = new StreamRecordCodec();
        try (var consumer = KafkaStreamLog.newConsumer(bootstrapServers, "synapse-kafka-bridge-tail")) {
            KafkaStreamLog log;
            try {
                log = KafkaStreamLog.open(consumer, topic, stream, codec, timeout);
            } catch (MissingTopicException e) {
                throw new StartupException("topic " + topic + " does not exist (has capture run?)", e);
            } catch (org.apache.kafka.common.errors.TimeoutException e) {
                throw new StartupException("kafka at " + bootstrapServers + " did not answer within "
                        + timeout.toMillis() + " ms", e);
            }
            long offset = fromToken > 0 ? new TokenSeeker().firstOffsetAbove(log, instance, fromToken)
                    : log.startOffset();
            start.started(offset, log.endOffset());
            TopicPartition tp = new TopicPartition(topic, 0);
            consumer.seek(tp, offset);
            long end = log.endOffset();
            long handed = 0;
            while (follow || consumer.position(tp) < end) {
                for (ConsumerRecord<String, byte[]> r : consumer.poll(POLL).records(tp)) {
                    if (!follow && r.offset() >= end) {
                        break;
                    }
                    StreamRecord record = codec.decode(r.value());
                    if (record.instance().equals(instance) && record.token() <= fromToken) {
                        continue;
                    }
                    out.accept(record);
                    if (limit > 0 && ++handed >= limit) {
                        return handed;
                    }
                }
                if (Thread.currentThread().isInterrupted()) {
                    break;
                }
            }
            return handed;
        }
    }

    /** Where reading starts. */
    public interface StartListener {
        void started(long offset, long endOffset);
    }

}
