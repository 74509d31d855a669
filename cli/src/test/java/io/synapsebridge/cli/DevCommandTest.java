package io.synapsebridge.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.File;
import java.io.InputStreamReader;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DevCommandTest {
    @TempDir
    Path dir;

    @Test
    void aTakenPortIsOneLineNamingIt() throws Exception {
        try (ServerSocket taken = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            int port = taken.getLocalPort();
            Cli.Run r = Cli.run("dev", "--kafka-port", Integer.toString(port), "--postgres-port", "0",
                    "--replication-port", "0", "--http-port", "0");
            assertThat(r.exit()).isEqualTo(2);
            assertThat(r.err()).isEqualTo("error: kafka port " + port + " is already in use on 127.0.0.1"
                    + System.lineSeparator());
        }
    }

    @Test
    void aMissingDataDirectoryIsOneLineNamingIt() {
        Path missing = dir.resolve("nope");
        Cli.Run r = Cli.run("dev", "--data-dir", missing.toString(), "--kafka-port", "0", "--postgres-port", "0",
                "--replication-port", "0", "--http-port", "0");
        assertThat(r.exit()).isEqualTo(2);
        assertThat(r.err()).isEqualTo("error: data directory " + missing + " does not exist (create it first)"
                + System.lineSeparator());
    }

    @Test
    void aBrokenConfigIsOneLineNamingIt() throws Exception {
        Path config = dir.resolve("bridge.yaml");
        Files.writeString(config, "dev:\n\tkafka_port: 1\n");
        Cli.Run r = Cli.run("dev", "--config", config.toString());
        assertThat(r.exit()).isEqualTo(2);
        assertThat(r.err()).startsWith("error: " + config + ":").contains("not valid YAML")
                .hasLineCount(1);
    }

    @Test
    void helpDescribesEveryOption() {
        Cli.Run r = Cli.run("dev", "--help");
        assertThat(r.exit()).isZero();
        assertThat(r.out()).contains("--config", "--postgres-port", "--kafka-port", "--replication-port", "--http-port",
                "--server-name", "--writer-rate", "--data-dir");
    }

    /** The real command in its own process: it serves, and Ctrl-C (SIGINT) stops everything and removes its data. */
    @Test
    void servesUntilInterruptedThenLeavesNothingBehind() throws Exception {
        String java = System.getProperty("java.home") + File.separator + "bin" + File.separator + "java";
        Process p = new ProcessBuilder(java, "-cp", System.getProperty("java.class.path"),
                BridgeCommand.class.getName(), "dev", "--kafka-port", "0", "--postgres-port", "0",
                "--replication-port", "0", "--http-port", "0", "--writer-rate", "20").redirectErrorStream(true)
                .start();
        List<String> output = Collections.synchronizedList(new ArrayList<>());
        CompletableFuture<Void> ready = new CompletableFuture<>();
        Thread pump = new Thread(() -> {
            try (BufferedReader r = new BufferedReader(new InputStreamReader(p.getInputStream(),
                    StandardCharsets.UTF_8))) {
                for (String line; (line = r.readLine()) != null;) {
                    output.add(line);
                    if (line.startsWith("Press Ctrl-C")) {
                        ready.complete(null);
                    }
                }
            } catch (java.io.IOException e) {
                // process ended
            }
            ready.complete(null);
        });
        pump.start();
        try {
            ready.get(90, TimeUnit.SECONDS);
            String all = String.join("\n", output);
            assertThat(all).as(all).contains("dev stack is up");
            Matcher replication = Pattern.compile("replication +127\\.0\\.0\\.1:(\\d+)").matcher(all);
            assertThat(replication.find()).isTrue();
            Matcher data = Pattern.compile("temporary, removed on stop: (\\S+) (\\S+)").matcher(all);
            assertThat(data.find()).isTrue();
            Path pgData = Path.of(data.group(1));
            Path kafkaData = Path.of(data.group(2));
            assertThat(pgData).isDirectory();

            int port = Integer.parseInt(replication.group(1));
            try (Socket s = new Socket()) {
                s.connect(new InetSocketAddress("127.0.0.1", port), 5000);
                s.setSoTimeout(10_000);
                BufferedReader in = new BufferedReader(new InputStreamReader(s.getInputStream(),
                        StandardCharsets.UTF_8));
                assertThat(in.readLine()).isEqualTo("SERVER dev.local");
                // The writer commits, capture publishes, the server replays: a row reaches this client.
                s.getOutputStream().write("NAME test\nREPLICATE \n".getBytes(StandardCharsets.UTF_8));
                s.setSoTimeout(90_000);
                String line;
                do {
                    line = in.readLine();
                } while (line != null && !line.startsWith("RDATA "));
                assertThat(line).as("an RDATA line").isNotNull().matches("RDATA \\w+ master (\\d+|batch) .+");
            }

            new ProcessBuilder("kill", "-INT", Long.toString(p.pid())).start().waitFor();
            assertThat(p.waitFor(60, TimeUnit.SECONDS)).as("stopped within a minute").isTrue();
            pump.join(5000);
            assertThat(output).contains("stopped");
            assertThat(pgData).doesNotExist();
            assertThat(kafkaData).doesNotExist();
            assertThat(ProcessHandle.allProcesses()
                    .filter(h -> h.info().commandLine().orElse("").contains(pgData.toString())).toList())
                    .as("postgres processes left running").isEmpty();
        } finally {
            p.destroyForcibly();
        }
    }
}
