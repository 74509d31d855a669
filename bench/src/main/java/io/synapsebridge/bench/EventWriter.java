package io.synapsebridge.bench;

import io.synapsebridge.contract.SourceHeaders;
import io.synapsebridge.contract.StreamRecord;
import io.synapsebridge.contract.StreamRecordCodec;
import java.nio.charset.StandardCharsets;
import java.util.Properties;
import java.util.concurrent.atomic.AtomicReference;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;

/**
 * Writes {@code events} records of writer {@code master} in token order, as capture would (with its source headers),
 * but tuned to write as fast as the broker takes them: acks=1, lz4, large batches.
 */
final class EventWriter implements AutoCloseable {
    private static final String INSTANCE = "master";
    /** An arbitrary WAL position to start from; each record moves it on like a small transaction would. */
    private static final long FIRST_LSN = 0x3_A000_0000L;

    private final KafkaProducer<String, byte[]> producer;
    private final String topic;
    private final StreamRecordCodec codec = new StreamRecordCodec();
    private final RealisticRows rows = new RealisticRows(42);
    private final AtomicReference<Exception> failure = new AtomicReference<>();

    EventWriter(String bootstrapServers, String topic) {
        Properties p = new Properties();
        p.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        p.put(ProducerConfig.ACKS_CONFIG, "1");
        p.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, false);
        p.put(ProducerConfig.COMPRESSION_TYPE_CONFIG, "lz4");
        p.put(ProducerConfig.BATCH_SIZE_CONFIG, 256 * 1024);
        p.put(ProducerConfig.LINGER_MS_CONFIG, 5);
        p.put(ProducerConfig.BUFFER_MEMORY_CONFIG, 128L * 1024 * 1024);
        this.producer = new KafkaProducer<>(p, new StringSerializer(), new ByteArraySerializer());
        this.topic = topic;
    }

    /** Record values for tokens {@code firstToken ..}, built ahead so that building them is not what is timed. */
    byte[][] values(long firstToken, int count) {
        byte[][] out = new byte[count][];
        for (int i = 0; i < count; i++) {
            out[i] = codec.encode(StreamRecord.row("events", INSTANCE, firstToken + i, rows.ev()));
        }
        return out;
    }

    /** Sends the values of tokens {@code firstToken ..} and waits until the broker has acknowledged them all. */
    void send(long firstToken, byte[][] values) {
        for (int i = 0; i < values.length; i++) {
            long token = firstToken + i;
            ProducerRecord<String, byte[]> record = new ProducerRecord<>(topic, INSTANCE, values[i]);
            record.headers()
                    .add(SourceHeaders.LSN, ascii(FIRST_LSN + token * 424))
                    .add(SourceHeaders.TX_ID, ascii(700_000 + token));
            producer.send(record, (metadata, error) -> {
                if (error != null) {
                    failure.compareAndSet(null, error);
                }
            });
        }
        producer.flush();
        if (failure.get() != null) {
            throw new IllegalStateException("the broker refused records: " + failure.get().getMessage(),
                    failure.get());
        }
    }

    private static byte[] ascii(long n) {
        return Long.toString(n).getBytes(StandardCharsets.US_ASCII);
    }

    @Override
    public void close() {
        producer.close();
    }
}
