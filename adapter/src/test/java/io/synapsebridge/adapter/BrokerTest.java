package io.synapsebridge.adapter;

import io.synapsebridge.devstack.EmbeddedKafkaBroker;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;

/** A test class whose tests share one real Kafka broker, and a producer of stream record values on it. */
public abstract class BrokerTest {
    protected static EmbeddedKafkaBroker kafka;
    protected static KafkaProducer<String, byte[]> producer;

    @BeforeAll
    static void startKafka() {
        kafka = EmbeddedKafkaBroker.start(0);
        producer = StreamTopicsFixture.producer(kafka.bootstrapServers());
    }

    @AfterAll
    static void stopKafka() {
        producer.close();
        kafka.close();
    }
}
