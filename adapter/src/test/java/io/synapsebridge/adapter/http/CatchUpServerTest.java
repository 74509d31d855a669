package io.synapsebridge.adapter.http;

import io.synapsebridge.adapter.BrokerTest;
import io.synapsebridge.adapter.StreamTopicsFixture;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.synapsebridge.contract.StreamRecord;
import io.synapsebridge.contract.StreamRecordCodec;
import io.synapsebridge.contract.StreamTopics;
import io.synapsebridge.protocol.catchup.StreamUpdates;
import io.synapsebridge.protocol.rows.SynapseVersion;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The catch-up endpoint against a real broker, with stream topics written by a test producer. */
class CatchUpServerTest extends BrokerTest {
    private static final String INTERNAL = "{\"errcode\":\"M_UNKNOWN\",\"error\":\"Internal server error\"}";
    private static final List<String> STREAMS = List.of("typing", "presence", "events");
    private static int prefixes;

    private final StreamRecordCodec codec = new StreamRecordCodec();
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
    private StreamTopics topics;
    private final List<CatchUpServer> servers = new ArrayList<>();

    @BeforeEach
    void createTopics() throws Exception {
        topics = new StreamTopics("c" + (++prefixes));
        StreamTopicsFixture.create(kafka.bootstrapServers(), topics, STREAMS);
    }

    @AfterEach
    void stopServers() {
        servers.forEach(CatchUpServer::close);
    }

    private CatchUpServer server(CatchUpSettings settings) {
        CatchUpServer s = CatchUpServer.start(settings.withPort(0), kafka.bootstrapServers(), topics,
                SynapseVersion.V1_66);
        servers.add(s);
        return s;
    }

    private CatchUpServer server() {
        return server(CatchUpSettings.defaults());
    }

    private void publish(StreamRecord... records) {
        for (StreamRecord r : records) {
            producer.send(new ProducerRecord<>(topics.stream(r.stream()), 0, r.instance(), codec.encode(r)));
        }
        producer.flush();
    }

    private static StreamRecord typing(String instance, long token, String room, String... users) {
        ObjectNode row = JsonNodeFactory.instance.objectNode().put("room_id", room);
        var ids = row.putArray("user_ids");
        for (String u : users) {
            ids.add(u);
        }
        return StreamRecord.row("typing", instance, token, row);
    }

    private static StreamRecord typing(String instance, long token) {
        return typing(instance, token, "!r" + token + ":test.local", "@" + instance + ":test.local");
    }

    private HttpResponse<String> get(CatchUpServer server, String pathAndQuery, String... headers)
            throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(
                URI.create("http://127.0.0.1:" + server.address().getPort() + pathAndQuery))
                .timeout(Duration.ofSeconds(30));
        for (int i = 0; i < headers.length; i += 2) {
            b.header(headers[i], headers[i + 1]);
        }
        return http.send(b.GET().build(), HttpResponse.BodyHandlers.ofString());
    }

    private HttpResponse<String> updates(CatchUpServer server, String stream, long from, long upto)
            throws Exception {
        return get(server, "/_synapse/replication/get_repl_stream_updates/" + stream + "/AbCdEfGhIj?from_token="
                + from + "&upto_token=" + upto);
    }

    @Test
    void answersWithPositionalRowsAsSynapseWritesThem() throws Exception {
        publish(typing("master", 1, "!a:test.local", "@alice:test.local"),
                typing("master", 2, "!b:test.local", "@zo\u00eb:test.local", "@bob:test.local"),
                typing("master", 2, "!c:test.local"),
                typing("master", 3, "!a:test.local"));
        HttpResponse<String> r = updates(server(), "typing", 0, 3);

        assertThat(r.statusCode()).isEqualTo(200);
        assertThat(r.headers().firstValue("Content-Type")).hasValue("application/json");
        assertThat(r.body()).isEqualTo("{\"updates\":["
                + "[1,[\"!a:test.local\",[\"@alice:test.local\"]]],"
                + "[2,[\"!b:test.local\",[\"@zo\\u00eb:test.local\",\"@bob:test.local\"]]],"
                + "[2,[\"!c:test.local\",[]]],"
                + "[3,[\"!a:test.local\",[]]]"
                + "],\"upto_token\":3,\"limited\":false}");
    }

    @Test
    void answersEachStreamInItsOwnLayout() throws Exception {
        ObjectNode presence = JsonNodeFactory.instance.objectNode().put("user_id", "@alice:test.local")
                .put("state", "online").put("last_active_ts", 1795344180766L)
                .put("last_federation_update_ts", 1795344180767L).put("last_user_sync_ts", 1795344180733L)
                .put("status_msg", "hi").put("currently_active", true);
        publish(StreamRecord.row("presence", "master", 5, presence));
        assertThat(updates(server(), "presence", 4, 5).body()).isEqualTo("{\"updates\":[[5,[\"@alice:test.local\","
                + "\"online\",1795344180766,1795344180767,1795344180733,\"hi\",true]]],\"upto_token\":5,"
                + "\"limited\":false}");
    }

    @Test
    void returnsTheHalfOpenWindowAsked() throws Exception {
        for (long t = 1; t <= 6; t++) {
            publish(typing("master", t));
        }
        CatchUpServer s = server();
        assertThat(tokensOf(updates(s, "typing", 2, 4).body())).isEqualTo("[3,4]");
        assertThat(tokensOf(updates(s, "typing", 0, 1).body())).isEqualTo("[1]");
        assertThat(tokensOf(updates(s, "typing", 5, 60).body())).isEqualTo("[6]");
        assertThat(updates(s, "typing", 6, 60).body())
                .isEqualTo("{\"updates\":[],\"upto_token\":60,\"limited\":false}");
        assertThat(updates(s, "typing", 4, 4).body())
                .isEqualTo("{\"updates\":[],\"upto_token\":4,\"limited\":false}");
        // A worker ahead of a writer that restarted its counter asks backwards and is moved back.
        assertThat(updates(s, "typing", 57, 5).body())
                .isEqualTo("{\"updates\":[],\"upto_token\":5,\"limited\":false}");
    }

    @Test
    void limitsAnswersWithoutSplittingAToken() throws Exception {
        publish(typing("master", 1), typing("master", 2), typing("master", 2), typing("master", 3),
                typing("master", 3), typing("master", 3), typing("master", 4));
        CatchUpServer s = server(CatchUpSettings.defaults().withRowLimit(4));

        String first = updates(s, "typing", 0, 10).body();
        assertThat(tokensOf(first)).isEqualTo("[1,2,2]");
        assertThat(first).endsWith("\"upto_token\":2,\"limited\":true}");

        String second = updates(s, "typing", 2, 10).body();
        assertThat(tokensOf(second)).isEqualTo("[3,3,3,4]");
        assertThat(second).endsWith("\"upto_token\":10,\"limited\":false}");
    }

    @Test
    void servesOnlyTheConfiguredWriterOfAnInterleavedTopic() throws Exception {
        // Writers release independently: their tokens interleave out of order across writers.
        publish(typing("worker1", 10), typing("master", 1), typing("worker1", 11), typing("master", 2),
                typing("master", 3), typing("worker1", 12), typing("master", 4));
        assertThat(tokensOf(updates(server(), "typing", 1, 11).body())).isEqualTo("[2,3,4]");
        CatchUpServer worker1 = server(CatchUpSettings.defaults().withInstanceName("worker1"));
        assertThat(tokensOf(updates(worker1, "typing", 1, 11).body())).isEqualTo("[10,11]");
        assertThat(updates(worker1, "typing", 1, 11).body()).contains("\"@worker1:test.local\"")
                .doesNotContain("@master");
    }

    @Test
    void refusesAWrongOrMissingSecretWith500AsSynapseDoes() throws Exception {
        publish(typing("master", 1));
        CatchUpServer s = server(CatchUpSettings.defaults().withSecret("s3cret"));
        String path = "/_synapse/replication/get_repl_stream_updates/typing/txn1?from_token=0&upto_token=1";

        for (String[] headers : List.of(new String[0],
                new String[] {"Authorization", "Bearer wrong"},
                new String[] {"Authorization", "Basic s3cret"},
                new String[] {"Authorization", "Bearer  s3cret"},
                new String[] {"Authorization", "bearer s3cret"},
                new String[] {"Authorization", "Bearer s3cret", "Authorization", "Bearer s3cret"})) {
            HttpResponse<String> r = get(s, path, headers);
            assertThat(r.statusCode()).as(String.join(" ", headers)).isEqualTo(500);
            assertThat(r.body()).isEqualTo(INTERNAL);
        }
        // Authentication comes before any other check.
        assertThat(get(s, "/_synapse/replication/get_repl_stream_updates/nosuch/txn1").statusCode()).isEqualTo(500);

        HttpResponse<String> ok = get(s, path, "Authorization", "Bearer s3cret");
        assertThat(ok.statusCode()).isEqualTo(200);
        assertThat(tokensOf(ok.body())).isEqualTo("[1]");
    }

    @Test
    void rejectsUnknownStreams() throws Exception {
        CatchUpServer s = server();
        for (String stream : List.of("nosuch", "sticky_events", "Typing", "typing%20")) {
            HttpResponse<String> r = get(s, "/_synapse/replication/get_repl_stream_updates/" + stream
                    + "/txn?from_token=0&upto_token=1");
            assertThat(r.statusCode()).as(stream).isEqualTo(400);
            assertThat(r.body()).isEqualTo("{\"errcode\":\"M_UNKNOWN\",\"error\":\"Unknown stream\"}");
        }
    }

    @Test
    void rejectsMissingMalformedAndNegativeTokens() throws Exception {
        CatchUpServer s = server();
        String base = "/_synapse/replication/get_repl_stream_updates/typing/txn";
        assertError(get(s, base + "?upto_token=1"), 400, "M_MISSING_PARAM",
                "Missing required integer query parameter from_token");
        assertError(get(s, base + "?from_token=1"), 400, "M_MISSING_PARAM",
                "Missing required integer query parameter upto_token");
        assertError(get(s, base + "?from_token=1&to_token=2"), 400, "M_MISSING_PARAM",
                "Missing required integer query parameter upto_token");
        for (String bad : List.of("abc", "", "1.5", "0x10", "99999999999999999999")) {
            assertError(get(s, base + "?from_token=" + bad + "&upto_token=2"), 400, "M_INVALID_PARAM",
                    "Query parameter from_token must be an integer");
        }
        assertError(get(s, base + "?from_token=1&upto_token=-2"), 400, "M_INVALID_PARAM",
                "Query parameter upto_token must be a positive integer.");
        // Python's int() allows a sign and surrounding blanks ('+' is a space in a query string).
        assertThat(get(s, base + "?from_token=%2B1&upto_token=+1+").body())
                .isEqualTo("{\"updates\":[],\"upto_token\":1,\"limited\":false}");
    }

    @Test
    void answersOtherPathsAndMethodsAsUnrecognized() throws Exception {
        CatchUpServer s = server();
        for (String path : List.of("/", "/_synapse/replication/get_repl_stream_updates/typing",
                "/_synapse/replication/get_repl_stream_updates/typing/?from_token=0&upto_token=1",
                "/_synapse/replication/get_repl_stream_updates/typing/a/b?from_token=0&upto_token=1")) {
            assertError(get(s, path), 404, "M_UNRECOGNIZED", "Unrecognized request");
        }
        HttpRequest post = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + s.address().getPort()
                + "/_synapse/replication/get_repl_stream_updates/typing/t?from_token=0&upto_token=1"))
                .POST(HttpRequest.BodyPublishers.ofString("{}")).build();
        assertError(http.send(post, HttpResponse.BodyHandlers.ofString()), 405, "M_UNRECOGNIZED",
                "Unrecognized request");
    }

    @Test
    void aKnownStreamWithoutATopicIsAnInternalError() throws Exception {
        HttpResponse<String> r = updates(server(), "federation", 0, 5);
        assertThat(r.statusCode()).isEqualTo(500);
        assertThat(r.body()).isEqualTo(INTERNAL);
    }

    @Test
    void skipsAbortedTransactions() throws Exception {
        Properties p = new Properties();
        p.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, kafka.bootstrapServers());
        p.put(ProducerConfig.TRANSACTIONAL_ID_CONFIG, "catch-up-test-" + topics.prefix());
        try (KafkaProducer<String, byte[]> tx = new KafkaProducer<>(p, new StringSerializer(),
                new ByteArraySerializer())) {
            tx.initTransactions();
            for (long[] batch : new long[][] {{1, 2, 3}, {4, 5}, {6}}) {
                tx.beginTransaction();
                for (long t : batch) {
                    StreamRecord r = typing("master", t);
                    tx.send(new ProducerRecord<>(topics.stream("typing"), 0, r.instance(), codec.encode(r)));
                }
                if (batch[0] == 4) {
                    tx.abortTransaction();
                } else {
                    tx.commitTransaction();
                }
            }
        }
        CatchUpServer s = server();
        assertThat(tokensOf(updates(s, "typing", 0, 10).body())).isEqualTo("[1,2,3,6]");
        assertThat(tokensOf(updates(s, "typing", 3, 10).body())).isEqualTo("[6]");
        assertThat(tokensOf(updates(s, "typing", 2, 5).body())).isEqualTo("[3]");
    }

    @Test
    void findsATokenAmong20000RecordsInLogarithmicallyManyFetches() throws Exception {
        int n = 20_000;
        for (long t = 1; t <= n; t++) {
            StreamRecord r = typing(t % 4 == 0 ? "worker1" : "master", t);
            producer.send(new ProducerRecord<>(topics.stream("typing"), 0, r.instance(), codec.encode(r)));
        }
        producer.flush();
        TokenSeeker seeker = new TokenSeeker();
        try (Consumer<String, byte[]> consumer = KafkaStreamLog.newConsumer(kafka.bootstrapServers(), "seek-test")) {
            for (long token : new long[] {0, 1, 4_999, 12_345, 19_998, 20_000}) {
                CountingLog log = new CountingLog(KafkaStreamLog.open(consumer, topics.stream("typing"), "typing",
                        codec, Duration.ofSeconds(30)));
                long offset = seeker.firstOffsetAbove(log, "master", token);
                // Token t is at offset t - 1: the answer is just past master's last token at or below the one sought.
                long lastAtOrBelow = token % 4 == 0 && token > 0 ? token - 1 : token;
                assertThat(offset).as("token %d", token).isEqualTo(Math.min(lastAtOrBelow, n));
                // One fetch at the end finds master's latest run, then ceil(log2(20_001)) = 15 probes; each finds a
                // master record within its first fetch.
                assertThat(log.fetches()).as("fetches for token %d", token).isLessThanOrEqualTo(1 + 15);
            }
            CountingLog log = new CountingLog(KafkaStreamLog.open(consumer, topics.stream("typing"), "typing", codec,
                    Duration.ofSeconds(30)));
            StreamUpdates updates = new UpdateReader(SynapseVersion.V1_66.catalog(), seeker, 100)
                    .read(log, "master", 12_340, 12_345);
            assertThat(updates.updates()).extracting(StreamUpdates.Update::token)
                    .containsExactly(12_341L, 12_342L, 12_343L, 12_345L);
            assertThat(log.fetches()).isLessThanOrEqualTo(16);
        }
        assertThat(tokensOf(updates(server(), "typing", 19_990, 19_995).body())).isEqualTo("[19991,19993,19994,19995]");
    }

    private static void assertError(HttpResponse<String> r, int status, String errcode, String error) {
        assertThat(r.statusCode()).as(r.uri().toString()).isEqualTo(status);
        assertThat(r.body()).as(r.uri().toString())
                .isEqualTo("{\"errcode\":\"" + errcode + "\",\"error\":\"" + error + "\"}");
    }

    /** The tokens of an answer's updates, as a JSON array. */
    private static String tokensOf(String body) throws Exception {
        var node = new com.fasterxml.jackson.databind.ObjectMapper().readTree(body);
        var out = JsonNodeFactory.instance.arrayNode();
        node.get("updates").forEach(u -> out.add(u.get(0).asLong()));
        return out.toString();
    }
}
