package io.synapsebridge.adapter.commands;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.synapsebridge.protocol.command.Command;
import io.synapsebridge.contract.StreamTopics;
import java.io.IOException;
import java.util.Properties;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Writes worker commands to {@code <prefix>.commands}, keyed by command name:
 * {@code {"command":"USER_SYNC","connection":"worker1","received_ts":1700000000000,"args":"..."}} where
 * {@code args} is the command's argument string in the current Synapse form. USER_IP carries access tokens: the
 * topic must be protected like Synapse's database, and the bridge never logs them.
 */
public final class KafkaCommandSink implements WorkerCommandSink {
    private static final Logger LOG = LoggerFactory.getLogger(KafkaCommandSink.class);
    private static final ObjectMapper JSON = new ObjectMapper();

    private final KafkaProducer<String, byte[]> producer;
    private final String topic;

    public KafkaCommandSink(String bootstrapServers, StreamTopics topics) {
        Properties p = new Properties();
        p.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        p.put(ProducerConfig.ACKS_CONFIG, "all");
        p.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
        p.put(ProducerConfig.LINGER_MS_CONFIG, 5);
        this.producer = new KafkaProducer<>(p, new StringSerializer(), new ByteArraySerializer());
        this.topic = topics.commands();
    }

    @Override
    public void accept(String connection, Command command) {
        ObjectNode value = JSON.createObjectNode()
                .put("command", command.type().wireName())
                .put("connection", connection)
                .put("received_ts", System.currentTimeMillis())
                .put("args", command.args());
        try {
            producer.send(new ProducerRecord<>(topic, command.type().wireName(), JSON.writeValueAsBytes(value)),
                    (metadata, error) -> {
                        if (error != null) {
                            LOG.warn("could not write a {} command to {}: {}", command.type().wireName(), topic,
                                    error.getMessage());
                        }
                    });
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    @Override
    public void close() {
        producer.close();
    }
}
