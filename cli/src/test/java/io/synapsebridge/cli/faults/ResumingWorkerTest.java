package io.synapsebridge.cli.faults;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.atomic.AtomicInteger;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The test worker keeps what a catch-up applied when a later page of it fails, as a Synapse worker does. */
class ResumingWorkerTest {
    private static final String KEY = "presence master";

    private final List<Socket> connections = new ArrayList<>();
    private final AtomicInteger requests = new AtomicInteger();
    private ServerSocket replication;
    private HttpServer catchUp;

    @AfterEach
    void stop() throws IOException {
        catchUp.stop(0);
        replication.close();
        for (Socket s : connections) {
            s.close();
        }
    }

    @Test
    void aCatchUpCutOffHalfwayResumesAfterWhatItApplied() throws Exception {
        replication = new ServerSocket(0, 50, java.net.InetAddress.getLoopbackAddress());
        Thread acceptor = new Thread(this::serve, "replication-stand-in");
        acceptor.setDaemon(true);
        acceptor.start();
        catchUp = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        // First page: tokens 1 and 2, limited. Second: the endpoint fails. After the reconnect: the rest from 2.
        catchUp.createContext("/", exchange -> {
            try (exchange) {
                int n = requests.incrementAndGet();
                String query = exchange.getRequestURI().getQuery();
                String body = n == 1 ? "{\"updates\":[[1,[]],[2,[]]],\"upto_token\":2,\"limited\":true}"
                        : n == 2 ? "{}"
                        : query.startsWith("from_token=2&") ? "{\"updates\":[[3,[]],[4,[]]],\"upto_token\":4,"
                                + "\"limited\":false}"
                        : "{\"updates\":[[1,[]],[2,[]],[3,[]],[4,[]]],\"upto_token\":4,\"limited\":false}";
                byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
                exchange.sendResponseHeaders(n == 2 ? 500 : 200, bytes.length);
                exchange.getResponseBody().write(bytes);
            }
        });
        catchUp.start();

        try (ResumingWorker worker = new ResumingWorker(
                (InetSocketAddress) replication.getLocalSocketAddress(), catchUp.getAddress(), "w")) {
            Awaitility.await().atMost(Duration.ofSeconds(30)).until(() -> requests.get() >= 3);
            Awaitility.await().atMost(Duration.ofSeconds(30)).until(() -> worker.log().entries().stream()
                    .anyMatch(e -> e.kind() == WorkerLog.Kind.POSITIONED && e.token() == 4));

            ResumeCheck.Result result = ResumeCheck.check(worker.log(), new ResumeCheck.Expectations(
                    Map.of(KEY, new TreeSet<>(List.of(1L, 2L, 3L, 4L))), Map.of(KEY, Set.of())));
            assertThat(result.problems()).isEmpty();
            assertThat(result.applied()).isEqualTo(4);
            assertThat(worker.connections()).isEqualTo(2);
        }
    }

    /** Every connection is told that presence is at 4; the worker's own lines are not read. */
    private void serve() {
        while (!replication.isClosed()) {
            try {
                Socket s = replication.accept();
                connections.add(s);
                OutputStream out = s.getOutputStream();
                out.write("SERVER test\nPOSITION presence master 4 4\n".getBytes(StandardCharsets.UTF_8));
                out.flush();
            } catch (IOException e) {
                return;
            }
        }
    }
}
