package io.synapsebridge.cli.run;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.netty.handler.ssl.util.SelfSignedCertificate;
import io.synapsebridge.cli.config.BridgeConfig;
import io.synapsebridge.cli.config.ConfigLoader;
import io.synapsebridge.cli.config.ConfigLoader.Option;
import io.synapsebridge.connectors.mapping.Mappers;
import io.synapsebridge.connectors.publish.TopicSetup;
import io.synapsebridge.contract.StreamTopics;
import io.synapsebridge.devstack.EmbeddedKafkaBroker;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.security.KeyStore;
import java.util.HashMap;
import java.util.Map;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLSocket;
import javax.net.ssl.TrustManagerFactory;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** {@code serve}'s defences: TLS on the replication port (certificate generated here), limits, no tokens in logs. */
class ServeSecurityTest {
    private static EmbeddedKafkaBroker kafka;
    private static SelfSignedCertificate cert;

    @BeforeAll
    static void start() throws Exception {
        kafka = EmbeddedKafkaBroker.start(0);
        TopicSetup.ensure(kafka.bootstrapServers(), new StreamTopics("synapse"), Mappers.STREAMS_V1_66, (short) 1);
        cert = new SelfSignedCertificate("localhost");
    }

    @AfterAll
    static void stop() {
        kafka.close();
        cert.delete();
    }

    private static BridgeConfig config() {
        Map<String, Option> o = new HashMap<>();
        o.put("kafka.bootstrap_servers", Option.of("test", kafka.bootstrapServers()));
        o.put("replication.port", Option.of("test", 0));
        o.put("replication.tls.cert_file", Option.of("test", cert.certificate().getPath()));
        o.put("replication.tls.key_file", Option.of("test", cert.privateKey().getPath()));
        o.put("http.port", Option.of("test", 0));
        o.put("metrics.enabled", Option.of("test", false));
        o.put("synapse.server_name", Option.of("test", "tls.test"));
        return new ConfigLoader(Map.of()).load(null, o);
    }

    @Test
    void workersConnectOverTlsAndPlainTcpGetsNothing() throws Exception {
        try (Bridge bridge = Bridge.start(config(), Part.SERVE, l -> { })) {
            InetSocketAddress at = bridge.server().orElseThrow().address();

            KeyStore trust = KeyStore.getInstance(KeyStore.getDefaultType());
            trust.load(null, null);
            trust.setCertificateEntry("bridge", cert.cert());
            TrustManagerFactory tmf = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
            tmf.init(trust);
            SSLContext tls = SSLContext.getInstance("TLS");
            tls.init(null, tmf.getTrustManagers(), null);
            try (SSLSocket socket = (SSLSocket) tls.getSocketFactory().createSocket(at.getAddress(), at.getPort())) {
                socket.setSoTimeout(10_000);
                BufferedReader in = new BufferedReader(new InputStreamReader(socket.getInputStream(),
                        StandardCharsets.UTF_8));
                assertThat(in.readLine()).isEqualTo("SERVER tls.test");
                assertThat(in.readLine()).startsWith("PING ");
            }

            try (Socket plain = new Socket(at.getAddress(), at.getPort())) {
                plain.setSoTimeout(10_000);
                plain.getOutputStream().write("NAME plain\nREPLICATE\n".getBytes(StandardCharsets.US_ASCII));
                // The server waits for a TLS handshake, takes the line as a bad one and closes: no SERVER line.
                byte[] got = plain.getInputStream().readAllBytes();
                assertThat(new String(got, StandardCharsets.ISO_8859_1)).doesNotContain("SERVER");
            }
        }
    }

    @Test
    void aKeyThatIsNotAKeyStopsTheStartWithOneLine() {
        Map<String, Option> o = new HashMap<>();
        o.put("kafka.bootstrap_servers", Option.of("test", kafka.bootstrapServers()));
        o.put("replication.port", Option.of("test", 0));
        o.put("replication.tls.cert_file", Option.of("test", cert.certificate().getPath()));
        o.put("replication.tls.key_file", Option.of("test", cert.certificate().getPath()));
        o.put("metrics.enabled", Option.of("test", false));
        BridgeConfig bad = new ConfigLoader(Map.of()).load(null, o);
        assertThatThrownBy(() -> Bridge.start(bad, Part.SERVE, l -> { }))
                .isInstanceOf(StartupException.class)
                .hasMessageStartingWith("cannot use TLS certificate " + cert.certificate().getPath());
    }

    private static BridgeConfig limited(int maxConnections) {
        Map<String, Option> o = new HashMap<>();
        o.put("kafka.bootstrap_servers", Option.of("test", kafka.bootstrapServers()));
        o.put("replication.port", Option.of("test", 0));
        o.put("replication.max_connections", Option.of("test", maxConnections));
        o.put("http.port", Option.of("test", 0));
        o.put("metrics.enabled", Option.of("test", false));
        return new ConfigLoader(Map.of()).load(null, o);
    }

    private static BufferedReader reader(Socket s) throws Exception {
        s.setSoTimeout(10_000);
        return new BufferedReader(new InputStreamReader(s.getInputStream(), StandardCharsets.UTF_8));
    }

    @Test
    void connectionsBeyondTheLimitAndOversizeLinesAreRefused() throws Exception {
        try (Bridge bridge = Bridge.start(limited(1), Part.SERVE, l -> { })) {
            InetSocketAddress at = bridge.server().orElseThrow().address();
            try (Socket first = new Socket(at.getAddress(), at.getPort())) {
                assertThat(reader(first).readLine()).startsWith("SERVER ");
                try (Socket second = new Socket(at.getAddress(), at.getPort())) {
                    assertThat(reader(second).readLine()).isEqualTo("ERROR too many connections");
                }
                first.getOutputStream().write(("NAME " + "x".repeat(20_000) + "\n").getBytes(StandardCharsets.UTF_8));
                BufferedReader in = reader(first);
                String last = null;
                for (String line; (line = in.readLine()) != null;) {
                    last = line;
                }
                assertThat(last).startsWith("ERROR ");
            }
        }
    }

    @Test
    void accessTokensOfUserIpCommandsAreNeverLogged() throws Exception {
        ch.qos.logback.classic.Logger ours = (ch.qos.logback.classic.Logger) org.slf4j.LoggerFactory
                .getLogger("io.synapsebridge");
        ch.qos.logback.classic.Level before = ours.getLevel();
        ch.qos.logback.core.read.ListAppender<ch.qos.logback.classic.spi.ILoggingEvent> seen =
                new ch.qos.logback.core.read.ListAppender<>();
        seen.start();
        ours.addAppender(seen);
        ours.setLevel(ch.qos.logback.classic.Level.TRACE);
        String token = "syt_c2VjcmV0_tokenNeverLogged";
        try (Bridge bridge = Bridge.start(limited(10), Part.SERVE, l -> { })) {
            InetSocketAddress at = bridge.server().orElseThrow().address();
            String[] lines = {
                "USER_IP @u:x [\"" + token + "\",\"10.0.0.1\",\"agent\",\"DEV\",1700000000000]",
                "USER_IP @u:x [\"" + token + "\",\"10.0.0.1\",\"agent\",\"DEV\",\"late\"]",
                "USER_IP @u:x [\"" + token + "\",\"10.0.0.1\",\"agent\"]",
                "USER_IP @u:x [\"" + token + "\" broken",
            };
            for (String line : lines) {
                try (Socket s = new Socket(at.getAddress(), at.getPort())) {
                    s.getOutputStream().write(("NAME w\n" + line + "\n").getBytes(StandardCharsets.UTF_8));
                    BufferedReader in = reader(s);
                    // A valid command leaves the connection open: give the server a moment, then move on.
                    s.setSoTimeout(1_000);
                    while (in.readLine() != null) {
                        // read until the server closes or the read times out
                    }
                } catch (java.net.SocketTimeoutException e) {
                    // a valid command leaves the connection open
                }
            }
        } finally {
            ours.detachAppender(seen);
            ours.setLevel(before);
        }
        assertThat(seen.list).anyMatch(e -> e.getFormattedMessage().contains("USER_IP payload: invalid JSON"));
        assertThat(seen.list).noneMatch(e -> e.getFormattedMessage().contains(token)
                || (e.getThrowableProxy() != null && e.getThrowableProxy().getMessage() != null
                        && e.getThrowableProxy().getMessage().contains(token)));
    }

    @Test
    void theCatchUpEndpointWantsTheSecretOnceOneIsSet() throws Exception {
        Map<String, Option> o = new HashMap<>();
        o.put("kafka.bootstrap_servers", Option.of("test", kafka.bootstrapServers()));
        o.put("replication.port", Option.of("test", 0));
        o.put("http.port", Option.of("test", 0));
        o.put("http.secret", Option.of("test", "s3cret"));
        o.put("metrics.enabled", Option.of("test", false));
        try (Bridge bridge = Bridge.start(new ConfigLoader(Map.of()).load(null, o), Part.SERVE, l -> { })) {
            java.net.URI uri = java.net.URI.create("http://127.0.0.1:" + bridge.catchUp().orElseThrow().address()
                    .getPort() + "/_synapse/replication/get_repl_stream_updates/typing/t1?from_token=0&upto_token=5");
            java.net.http.HttpClient client = java.net.http.HttpClient.newHttpClient();
            var none = client.send(java.net.http.HttpRequest.newBuilder(uri).build(),
                    java.net.http.HttpResponse.BodyHandlers.ofString());
            var wrong = client.send(java.net.http.HttpRequest.newBuilder(uri).header("Authorization", "Bearer nope")
                    .build(), java.net.http.HttpResponse.BodyHandlers.ofString());
            var right = client.send(java.net.http.HttpRequest.newBuilder(uri).header("Authorization",
                    "Bearer s3cret").build(), java.net.http.HttpResponse.BodyHandlers.ofString());
            assertThat(none.statusCode()).isEqualTo(500);
            assertThat(wrong.statusCode()).isEqualTo(500);
            assertThat(right.statusCode()).as(right.body()).isEqualTo(200);
        }
    }
}
