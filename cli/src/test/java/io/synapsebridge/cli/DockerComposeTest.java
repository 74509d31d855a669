package io.synapsebridge.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.File;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.testcontainers.DockerClientFactory;
import org.testcontainers.containers.ComposeContainer;
import org.testcontainers.containers.wait.strategy.Wait;

/** docker/compose.yaml comes up: Kafka, Postgres and the bridge, healthy and exporting metrics. Needs Docker. */
class DockerComposeTest {

    private static boolean dockerAvailable() {
        try {
            return DockerClientFactory.instance().isDockerAvailable();
        } catch (RuntimeException e) {
            return false;
        }
    }

    @Test
    void theComposeFileBringsUpAHealthyBridge() throws Exception {
        assumeTrue(dockerAvailable(), "no Docker engine found: docker/compose.yaml was not brought up");
        try (ComposeContainer compose = new ComposeContainer(new File("../docker/compose.yaml"))
                .withLocalCompose(true)
                .withBuild(true)
                .withExposedService("bridge", 9101, Wait.forHttp("/health").forStatusCode(200)
                        .withStartupTimeout(Duration.ofMinutes(15)))) {
            compose.start();
            String base = "http://" + compose.getServiceHost("bridge", 9101) + ":"
                    + compose.getServicePort("bridge", 9101);
            HttpResponse<String> metrics = HttpClient.newHttpClient().send(
                    HttpRequest.newBuilder(URI.create(base + "/metrics")).build(),
                    HttpResponse.BodyHandlers.ofString());
            assertThat(metrics.statusCode()).isEqualTo(200);
            assertThat(metrics.body()).contains("synapse_replication_tcp_resource_total_connections",
                    "synapse_bridge_capture_wal_lag_bytes{slot_name=\"synapse_bridge\"}");
        }
    }
}
