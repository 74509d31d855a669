package io.synapsebridge.adapter.commands;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.synapsebridge.protocol.command.Command;
import io.synapsebridge.contract.StreamTopics;
import java.io.IOException;
import java.util.Properties;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.KafkaException;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Writes worker commands to {@code <prefix>.commands}, keyed by command name:
 * {@code {"command":"USER_SYNC","connection":"worker1","received_ts":1700000000000,"args":"..."}} where
 * {@code args} is the command's argument string in the current Synapse form. USER_IP carries access tokens: the
 * topic must be protected like Synapse's database, and the bridge never logs them.
 *
 * <p>Commands are sent from a thread of the sink's own, in the order accepted: a producer send can block (metadata of
 * a missing topic, a full buffer), and it must never hold up the event loop the command was read on. Beyond
 * {@value #MAX_QUEUED} commands waiting, new ones are dropped with a warning rather than held in memory.
 */
public final class KafkaCommandSink implements WorkerCommandSink {
    private static final Logger LOG = LoggerFactory.getLogger(KafkaCommandSink.class);
    private static final ObjectMapper JSON = new ObjectMapper();

    static final int MAX_QUEUED = 100_000;

    private final KafkaProducer<String, byte[]> producer;
    private final String topic;
    private final ThreadPoolExecutor sender = new ThreadPoolExecutor(1, 1, 0, TimeUnit.MILLISECONDS,
            new LinkedBlockingQueue<>(MAX_QUEUED), task -> {
                Thread t = new Thread(task, "worker-commands");
                t.setDaemon(true);
                return t;
            });

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
        long received = System.currentTimeMillis();
        try {
            sender.execute(() -> send(connection, command, received));
        } catch (RejectedExecutionException e) {
            LOG.warn("dropping a {} command of {}: {} commands already wait for Kafka", command.type().wireName(),
                    connection, MAX_QUEUED);
        }
    }

    private void send(String connection, Command command, long received) {
        ObjectNode value = JSON.createObjectNode()
                .put("command", command.type().wireName())
                .put("connection", connection)
                .put("received_ts", received)
                .put("args", command.args());
        try {
            producer.send(new ProducerRecord<>(topic, command.type().wireName(), JSON.writeValueAsBytes(value)),
                    (metadata, error) -> {
                        if (error != null) {
                            LOG.warn("could not write a {} command to {}: {}", command.type().wireName(), topic,
                                    error.getMessage());
                        }
                    });
        } catch (IOException | KafkaException e) {
            LOG.warn("could not write a {} command to {}: {}", command.type().wireName(), topic, e.getMessage());
        }
    }

    @Override
    public void close() {
        sender.shutdown();
        try {
            sender.awaitTermination(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        producer.close();
    }
}
