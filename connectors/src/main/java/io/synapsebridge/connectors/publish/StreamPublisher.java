package io.synapsebridge.connectors.publish;

import io.synapsebridge.connectors.sequencing.Publication;
import io.synapsebridge.contract.SourceHeaders;
import io.synapsebridge.contract.StreamRecordCodec;
import io.synapsebridge.contract.StreamTopics;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Properties;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;

/**
 * Writes released records and the checkpoint that describes them in one Kafka transaction: a reader with
 * {@code isolation.level=read_committed} sees either all of a release or none of it, and a restart resumes from a
 * checkpoint that matches the topics exactly.
 */
public final class StreamPublisher implements AutoCloseable {
    public static final String CHECKPOINT_KEY = "checkpoint";

    private final KafkaProducer<String, byte[]> producer;
    private final StreamTopics topics;
    private final StreamRecordCodec codec = new StreamRecordCodec();

    public StreamPublisher(String bootstrapServers, StreamTopics topics, String transactionalId) {
        Properties p = new Properties();
        p.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        p.put(ProducerConfig.TRANSACTIONAL_ID_CONFIG, transactionalId);
        p.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
        p.put(ProducerConfig.ACKS_CONFIG, "all");
        p.put(ProducerConfig.LINGER_MS_CONFIG, 0);
        // Idempotence keeps up to 5 requests in flight in order (a retried one cannot overtake a later one); one at a
        // time made the checkpoint wait a round trip behind the records of the same transaction.
        p.put(ProducerConfig.MAX_IN_FLIGHT_REQUESTS_PER_CONNECTION, 5);
        // A transaction started right after the previous commit meets CONCURRENT_TRANSACTIONS until the broker has
        // written the markers (milliseconds): retry at that pace, not after the default 100 ms, which would cap
        // capture at about ten releases a second.
        p.put(ProducerConfig.RETRY_BACKOFF_MS_CONFIG, 2);
        p.put(ProducerConfig.RETRY_BACKOFF_MAX_MS_CONFIG, 10);
        p.put(ProducerConfig.COMPRESSION_TYPE_CONFIG, "lz4");
        this.producer = new KafkaProducer<>(p, new StringSerializer(), new ByteArraySerializer());
        this.topics = topics;
        // Fences any older capture process with the same transactional id and aborts its open transaction.
        producer.initTransactions();
    }

    /**
     * Publishes {@code publications} in order, the dead letters and {@code checkpoint} (if not null), atomically;
     * returns once acknowledged.
     */
    public void publish(List<Publication> publications, List<DeadLetter> deadLetters, CaptureCheckpoint checkpoint) {
        producer.beginTransaction();
        try {
            for (Publication p : publications) {
                ProducerRecord<String, byte[]> record = new ProducerRecord<>(topics.stream(p.record().stream()), 0,
                        p.record().instance(), codec.encode(p.record()));
                if (p.source() != null) {
                    record.headers()
                            .add(SourceHeaders.LSN, Long.toUnsignedString(p.source().lsn()).getBytes(StandardCharsets.UTF_8))
                            .add(SourceHeaders.TX_ID, Long.toString(p.source().txId()).getBytes(StandardCharsets.UTF_8));
                }
                producer.send(record);
            }
            for (DeadLetter d : deadLetters) {
                producer.send(new ProducerRecord<>(topics.deadLetter(), 0, d.change().table(), d.encode()));
            }
            if (checkpoint != null) {
                producer.send(new ProducerRecord<>(topics.captureState(), 0, CHECKPOINT_KEY, checkpoint.encode()));
            }
            producer.commitTransaction();
        } catch (RuntimeException e) {
            abortQuietly(e);
            throw e;
        }
    }

    private void abortQuietly(RuntimeException cause) {
        try {
            producer.abortTransaction();
        } catch (RuntimeException abortFailure) {
            cause.addSuppressed(abortFailure);
        }
    }

    @Override
    public void close() {
        producer.close();
    }
}
