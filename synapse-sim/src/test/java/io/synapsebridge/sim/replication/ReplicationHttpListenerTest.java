package io.synapsebridge.sim.replication;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class ReplicationHttpListenerTest {
    private final MemoryStreams memory = new MemoryStreams("master", update -> { });
    private final ReplicationHttpListener listener = ReplicationHttpListener.start("127.0.0.1", 0, () -> memory,
            "s3cret");
    private final HttpClient http = HttpClient.newHttpClient();

    @AfterEach
    void stop() {
        listener.close();
    }

    @Test
    void answersInPagesOfWholeTokensAsSynapseDoes() throws Exception {
        for (int i = 0; i < 150; i++) {
            memory.typing("!r" + i + ":x", List.of("@u:x"));
        }
        HttpResponse<String> first = get("typing", "from_token=0&upto_token=150", "Bearer s3cret");
        assertThat(first.statusCode()).isEqualTo(200);
        assertThat(first.body()).startsWith("{\"updates\":[[1,[\"!r0:x\",[\"@u:x\"]]],[2,")
                .endsWith("[100,[\"!r99:x\",[\"@u:x\"]]]],\"upto_token\":100,\"limited\":true}");
        assertThat(get("typing", "from_token=100&upto_token=150", "Bearer s3cret").body())
                .startsWith("{\"updates\":[[101,").endsWith("[150,[\"!r149:x\",[\"@u:x\"]]]],\"upto_token\":150,"
                        + "\"limited\":false}");
    }

    @Test
    void rowsOfOneTokenStayTogetherAndACallerAheadGetsNothing() throws Exception {
        memory.presenceFederation(List.of("a.example", "b.example"), List.of("@u:x"));
        assertThat(get("presence_federation", "from_token=0&upto_token=1", "Bearer s3cret").body()).isEqualTo(
                "{\"updates\":[[1,[\"a.example\",\"@u:x\"]],[1,[\"b.example\",\"@u:x\"]]],\"upto_token\":1,"
                        + "\"limited\":false}");
        assertThat(get("presence_federation", "from_token=57&upto_token=1", "Bearer s3cret").body())
                .isEqualTo("{\"updates\":[],\"upto_token\":1,\"limited\":false}");
    }

    @Test
    void refusesAsSynapseDoes() throws Exception {
        assertThat(get("typing", "from_token=0&upto_token=1", null).statusCode()).isEqualTo(500);
        assertThat(get("typing", "from_token=0&upto_token=1", "Bearer wrong").statusCode()).isEqualTo(500);
        assertThat(get("typing", "from_token=-1&upto_token=1", "Bearer s3cret").statusCode()).isEqualTo(400);
        assertThat(get("typing", "upto_token=1", "Bearer s3cret").statusCode()).isEqualTo(400);
        assertThat(get("events", "from_token=0&upto_token=1", "Bearer s3cret").statusCode()).isEqualTo(400);
    }

    private HttpResponse<String> get(String stream, String query, String authorization) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:"
                + listener.address().getPort() + "/_synapse/replication/get_repl_stream_updates/" + stream
                + "/txn1?" + query));
        if (authorization != null) {
            request.header("Authorization", authorization);
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }
}
