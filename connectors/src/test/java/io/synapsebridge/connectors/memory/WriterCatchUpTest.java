package io.synapsebridge.connectors.memory;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.sun.net.httpserver.HttpServer;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The client side of {@code get_repl_stream_updates} against a stand-in for the writer's HTTP listener. */
class WriterCatchUpTest {
    private final Deque<String> answers = new ArrayDeque<>();
    private final List<String> requests = new ArrayList<>();
    private final HttpServer writer = start();

    private HttpServer start() {
        try {
            HttpServer s = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
            s.createContext("/", exchange -> {
                try (exchange) {
                    requests.add(exchange.getRequestURI().toString().replaceAll("/[0-9a-f]+\\?", "/TXN?") + " "
                            + exchange.getRequestHeaders().getFirst("Authorization"));
                    String answer = answers.isEmpty() ? "500 {}" : answers.removeFirst();
                    byte[] body = answer.substring(4).getBytes(StandardCharsets.UTF_8);
                    exchange.sendResponseHeaders(Integer.parseInt(answer.substring(0, 3)), body.length);
                    exchange.getResponseBody().write(body);
                }
            });
            s.start();
            return s;
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    @AfterEach
    void stop() {
        writer.stop(0);
    }

    private WriterCatchUp client() {
        return new WriterCatchUp("127.0.0.1", writer.getAddress().getPort(), "s3cret");
    }

    @Test
    void followsLimitedAnswersPageByPage() throws Exception {
        answers.add("200 {\"updates\":[[3,[\"!a:x\",[]]],[3,[\"!b:x\",[]]]],\"upto_token\":3,\"limited\":true}");
        answers.add("200 {\"updates\":[[5,[\"!c:x\",[\"@u:x\"]]]],\"upto_token\":9,\"limited\":false}");

        List<WriterCatchUp.Update> updates = client().fetch("typing", 2, 9);

        assertThat(updates).extracting(WriterCatchUp.Update::token).containsExactly(3L, 3L, 5L);
        assertThat(updates.get(2).row().toString()).isEqualTo("[\"!c:x\",[\"@u:x\"]]");
        assertThat(requests).containsExactly(
                "/_synapse/replication/get_repl_stream_updates/typing/TXN?from_token=2&upto_token=9 Bearer s3cret",
                "/_synapse/replication/get_repl_stream_updates/typing/TXN?from_token=3&upto_token=9 Bearer s3cret");
    }

    @Test
    void refusesAnswersThatAreNotValid() {
        for (String answer : List.of(
                "500 {\"errcode\":\"M_UNKNOWN\",\"error\":\"Internal server error\"}",
                "200 not json",
                "200 {\"updates\":{},\"upto_token\":9,\"limited\":false}",
                "200 {\"updates\":[[2,[]]],\"upto_token\":9,\"limited\":false}",
                "200 {\"updates\":[[10,[]]],\"upto_token\":9,\"limited\":false}",
                "200 {\"updates\":[[5,[]],[4,[]]],\"upto_token\":9,\"limited\":false}",
                "200 {\"updates\":[[\"5\",[]]],\"upto_token\":9,\"limited\":false}",
                "200 {\"updates\":[],\"upto_token\":9}",
                "200 {\"updates\":[],\"upto_token\":2,\"limited\":true}")) {
            answers.add(answer);
            assertThatThrownBy(() -> client().fetch("typing", 2, 9)).as(answer)
                    .isInstanceOf(WriterCatchUp.CatchUpException.class);
        }
    }

    @Test
    void aWriterThatIsNotListeningIsGivenUpOnAfterAFewTries() {
        int port = writer.getAddress().getPort();
        writer.stop(0);
        assertThatThrownBy(() -> new WriterCatchUp("127.0.0.1", port, null).fetch("typing", 0, 1))
                .isInstanceOf(WriterCatchUp.CatchUpException.class).hasMessageContaining("refused 4 connections");
    }
}
