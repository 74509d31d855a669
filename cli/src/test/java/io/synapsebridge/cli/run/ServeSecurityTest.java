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

/** {@code serve} with TLS on the replication port, certificate and key generated here. */
class ServeTlsTest {
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
}
