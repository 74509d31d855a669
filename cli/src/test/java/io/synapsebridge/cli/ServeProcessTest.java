package io.synapsebridge.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.synapsebridge.connectors.mapping.Mappers;
import io.synapsebridge.connectors.publish.TopicSetup;
import io.synapsebridge.contract.StreamTopics;
import io.synapsebridge.devstack.EmbeddedKafkaBroker;
import java.io.BufferedReader;
import java.io.File;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** The real {@code serve} command in its own process: progress as it starts, a clean stop on SIGTERM (status 143). */
class ServeProcessTest {

    @Test
    void startsWithProgressAndStopsCleanlyOnSigterm() throws Exception {
        try (EmbeddedKafkaBroker kafka = EmbeddedKafkaBroker.start(0)) {
            TopicSetup.ensure(kafka.bootstrapServers(), new StreamTopics("synapse"), Mappers.STREAMS_V1_66,
                    (short) 1);
            String java = System.getProperty("java.home") + File.separator + "bin" + File.separator + "java";
            ProcessBuilder builder = new ProcessBuilder(java, "-cp", System.getProperty("java.class.path"),
                    BridgeCommand.class.getName(), "serve", "--bootstrap-servers", kafka.bootstrapServers(),
                    "--replication-port", "0", "--http-port", "0", "--metrics-port", "0");
            builder.environment().keySet().removeIf(k -> k.startsWith("SKB_"));
            Process p = builder.redirectErrorStream(true).start();
            List<String> output = Collections.synchronizedList(new ArrayList<>());
            CompletableFuture<Void> up = new CompletableFuture<>();
            Thread pump = new Thread(() -> {
                try (BufferedReader r = new BufferedReader(new InputStreamReader(p.getInputStream(),
                        StandardCharsets.UTF_8))) {
                    for (String line; (line = r.readLine()) != null;) {
                        output.add(line);
                        if (line.startsWith("serve is up")) {
                            up.complete(null);
                        }
                    }
                } catch (java.io.IOException e) {
                    // the process ended
                }
                up.complete(null);
            });
            pump.start();
            try {
                long startAt = System.nanoTime();
                up.get(90, TimeUnit.SECONDS);
                System.out.printf("serve up %.1f s after launch%n", (System.nanoTime() - startAt) / 1e9);
                assertThat(output).as(String.join("\n", output))
                        .anyMatch(l -> l.startsWith("checking kafka at " + kafka.bootstrapServers()))
                        .anyMatch(l -> l.startsWith("replication listening on 127.0.0.1:"))
                        .anyMatch(l -> l.startsWith("catch-up listening on http://127.0.0.1:"))
                        .anyMatch(l -> l.startsWith("metrics on http://127.0.0.1:"))
                        .anyMatch(l -> l.startsWith("serve is up in "));
                long stopAt = System.nanoTime();
                new ProcessBuilder("kill", "-TERM", Long.toString(p.pid())).start().waitFor();
                assertThat(p.waitFor(60, TimeUnit.SECONDS)).isTrue();
                System.out.printf("serve stopped %.1f s after SIGTERM%n", (System.nanoTime() - stopAt) / 1e9);
                pump.join(10_000);
                // The JVM's status after SIGTERM, once the shutdown hook has stopped everything.
                assertThat(p.exitValue()).isEqualTo(143);
                assertThat(output).as(String.join("\n", output)).contains("stopping...", "stopped");
            } finally {
                p.destroyForcibly();
            }
        }
    }
}
