package io.synapsebridge.adapter.server;

import io.synapsebridge.adapter.StreamTopicsFixture;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import io.synapsebridge.contract.StreamRecord;
import io.synapsebridge.contract.StreamRecordCodec;
import io.synapsebridge.contract.StreamTopics;
import io.synapsebridge.devstack.EmbeddedKafkaBroker;
import io.synapsebridge.protocol.command.Dialect;
import io.synapsebridge.protocol.rows.SynapseVersion;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;

/** A client that stops reading is cut off at the congestion limit; ten others get every row. */
class SlowClientTest {
    private static final int ROWS = 60_000;
    private static final String PADDING = "x".repeat(200);

    @Test
    void aClientThatStopsReadingIsDisconnectedWhileOthersReceiveEveryRow() throws Exception {
        try (EmbeddedKafkaBroker kafka = EmbeddedKafkaBroker.start(0)) {
            StreamTopics topics = new StreamTopics("slow");
            StreamTopicsFixture.create(kafka.bootstrapServers(), topics, SynapseVersion.V1_66.catalog().streams());
            ServerSettings settings = new ServerSettings("127.0.0.1", 0, "test.local", Dialect.V1_22,
                    SynapseVersion.V1_66, false, 2000, 100, Duration.ofSeconds(5), Duration.ofSeconds(25));
            try (ReplicationServer server = ReplicationServer.start(settings, kafka.bootstrapServers(), topics,
                    new DiscardingSink());
                 Socket stalled = new Socket("127.0.0.1", server.address().getPort())) {
                // No reads: once the kernel buffers are full, the backlog piles up on the server side.
                stalled.getOutputStream().write("NAME stalled\nPING 1\nREPLICATE \n".getBytes(StandardCharsets.UTF_8));
                List<LineClient> healthy = new ArrayList<>();
                for (int i = 0; i < 10; i++) {
                    LineClient c = new LineClient(server.address());
                    c.send("NAME healthy" + i + "\nPING 1\nREPLICATE \n");
                    healthy.add(c);
                }
                // Each healthy client reads on its own thread, as a worker would (the common pool may have one).
                ExecutorService readers = Executors.newFixedThreadPool(healthy.size());
                List<CompletableFuture<Long>> received = new ArrayList<>();
                for (LineClient c : healthy) {
                    received.add(CompletableFuture.supplyAsync(() -> {
                        try (c) {
                            c.await(l -> l.startsWith("RDATA push_rules master " + ROWS + " "), Duration.ofSeconds(90));
                            return c.received().stream().filter(l -> l.startsWith("RDATA push_rules")).count();
                        } catch (java.io.IOException e) {
                            throw new java.io.UncheckedIOException(e);
                        }
                    }, readers));
                }
                produce(kafka, topics);
                for (CompletableFuture<Long> r : received) {
                    assertThat(r.get(120, TimeUnit.SECONDS)).isEqualTo(ROWS);
                }
                readers.shutdown();
                // The healthy clients have hung up; the stalled one was cut off by the server, which does not wait
                // for a peer that is not reading to take the ERROR line.
                org.awaitility.Awaitility.await().atMost(Duration.ofSeconds(30))
                        .until(() -> server.metrics().connections() == 0);
            }
        }
    }

    private static void produce(EmbeddedKafkaBroker kafka, StreamTopics topics) {
        Properties p = new Properties();
        p.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, kafka.bootstrapServers());
        StreamRecordCodec codec = new StreamRecordCodec();
        try (KafkaProducer<String, byte[]> producer = new KafkaProducer<>(p, new StringSerializer(),
                new ByteArraySerializer())) {
            for (int token = 1; token <= ROWS; token++) {
                if (token % 2000 == 0) {
                    // Paced like a busy homeserver (~4,000 rows/s), not one burst: the point is a client that
                    // stops reading, not one that cannot absorb a burst on a loaded machine.
                    producer.flush();
                    LockSupport.parkNanos(Duration.ofMillis(500).toNanos());
                }
                StreamRecord r = StreamRecord.row("push_rules", "master", token,
                        JsonNodeFactory.instance.objectNode().put("user_id", "@" + PADDING + token + ":test.local"));
                producer.send(new ProducerRecord<>(topics.stream("push_rules"), 0, "master", codec.encode(r)));
            }
        }
    }
}
