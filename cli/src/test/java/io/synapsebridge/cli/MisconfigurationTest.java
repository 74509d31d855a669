package io.synapsebridge.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Every way a start can be misconfigured ends with one line on stderr naming the cause, and exit code 2. */
class MisconfigurationTest {
    @TempDir
    Path dir;

    private static void oneLine(Cli.Run r, String expected) {
        assertThat(r.exit()).as(r.err()).isEqualTo(2);
        assertThat(r.err()).hasLineCount(1).isEqualTo("error: " + expected + System.lineSeparator());
    }

    private static int closedPort() throws Exception {
        try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return s.getLocalPort();
        }
    }

    @Test
    void aPortOutOfRange() {
        oneLine(Cli.run("serve", "--bootstrap-servers", "127.0.0.1:1", "--replication-port", "70000"),
                "configuration: replication.port: port 70000 is out of range (0-65535) (set by --replication-port)");
    }

    @Test
    void anUnknownKey() throws Exception {
        Path f = dir.resolve("bridge.yaml");
        Files.writeString(f, "kafka:\n  bootstrap_servers: 127.0.0.1:9092\nreplication:\n  max_conections: 5\n");
        oneLine(Cli.run("run", "--config", f.toString()), f + ":4: unknown key 'replication.max_conections'");
    }

    @Test
    void aBadValue() throws Exception {
        Path f = dir.resolve("bridge.yaml");
        Files.writeString(f, "synapse:\n  dialect: v2\n");
        oneLine(Cli.run("serve", "--config", f.toString()),
                f + ": synapse.dialect: expected one of v0.21, v1.13, v1.22, got 'v2'");
    }

    @Test
    void noKafkaConfigured() {
        oneLine(Cli.run("serve"), "kafka.bootstrap_servers: required (host:port[,host:port...])");
    }

    @Test
    void anUnreachableKafka() throws Exception {
        int port = closedPort();
        Path f = dir.resolve("bridge.yaml");
        Files.writeString(f, "kafka:\n  connect_timeout_ms: 1500\nmetrics:\n  port: 0\n");
        oneLine(Cli.run("run", "--config", f.toString(), "--bootstrap-servers", "127.0.0.1:" + port),
                "kafka at 127.0.0.1:" + port + " did not answer within 1500 ms (kafka.bootstrap_servers,"
                        + " kafka.connect_timeout_ms)");
    }

    @Test
    void aTakenMetricsPort() throws Exception {
        try (ServerSocket taken = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            Cli.Run r = Cli.run("serve", "--bootstrap-servers", "127.0.0.1:1", "--metrics-port",
                    Integer.toString(taken.getLocalPort()));
            assertThat(r.exit()).isEqualTo(2);
            assertThat(r.err()).hasLineCount(1)
                    .startsWith("error: cannot listen on 127.0.0.1:" + taken.getLocalPort() + " for metrics: ");
        }
    }

    @Test
    void aMissingTlsKeyFile() throws Exception {
        Path cert = Files.writeString(dir.resolve("cert.pem"), "x");
        Path f = dir.resolve("bridge.yaml");
        Files.writeString(f, "replication:\n  tls:\n    cert_file: " + cert + "\n    key_file: " + dir.resolve("nokey")
                + "\n");
        oneLine(Cli.run("serve", "--config", f.toString()),
                f + ": replication.tls.key_file: file " + dir.resolve("nokey") + " does not exist");
    }

    @Test
    void tailOfAStreamSynapseDoesNotHave() {
        Cli.Run r = Cli.run("tail", "nonsense", "--bootstrap-servers", "127.0.0.1:1");
        assertThat(r.exit()).isEqualTo(2);
        assertThat(r.err()).hasLineCount(1).startsWith("error: stream 'nonsense' is not one of Synapse v1.66's:");
    }
}
