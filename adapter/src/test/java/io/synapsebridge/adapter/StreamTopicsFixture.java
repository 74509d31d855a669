package io.synapsebridge.adapter;

import io.synapsebridge.contract.StreamTopics;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.ExecutionException;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;

/** Stream topics on a test broker, and the producer tests write them with. */
public final class StreamTopicsFixture {
    private StreamTopicsFixture() {
    }

    /** Creates {@code <prefix>.stream.<stream>} with one partition for each stream. */
    public static void create(String bootstrapServers, StreamTopics topics, Collection<String> streams)
            throws ExecutionException, InterruptedException {
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers))) {
            List<NewTopic> all = streams.stream().map(s -> new NewTopic(topics.stream(s), 1, (short) 1)).toList();
            admin.createTopics(all).all().get();
        }
    }

    /**
     * A producer of record values. A fresh topic may refuse the first batches until its leader is ready: retries
     * go strictly in order.
     */
    public static KafkaProducer<String, byte[]> producer(String bootstrapServers) {
        Properties p = new Properties();
        p.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        p.put(ProducerConfig.LINGER_MS_CONFIG, 5);
        p.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, false);
        p.put(ProducerConfig.MAX_IN_FLIGHT_REQUESTS_PER_CONNECTION, 1);
        return new KafkaProducer<>(p, new StringSerializer(), new ByteArraySerializer());
    }
}
