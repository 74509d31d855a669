package io.synapsebridge.cli;

import io.synapsebridge.cli.config.ConfigLoader.Option;
import java.util.HashMap;
import java.util.Map;
import picocli.CommandLine;

/** Where the serving half listens. */
final class ListenOptions {
    @CommandLine.Option(names = "--replication-port", paramLabel = "PORT",
            description = "Port of the TCP replication listener (replication.port, default 9092; 0: any free port).")
    Integer replicationPort;

    @CommandLine.Option(names = "--http-port", paramLabel = "PORT",
            description = "Port of the HTTP catch-up endpoint (http.port, default 9093; 0: any free port).")
    Integer httpPort;

    @CommandLine.Option(names = "--server-name", paramLabel = "NAME",
            description = "The server_name presented to workers (synapse.server_name).")
    String serverName;

    Map<String, Option> options() {
        Map<String, Option> out = new HashMap<>();
        out.put("replication.port", Option.of("--replication-port", replicationPort));
        out.put("http.port", Option.of("--http-port", httpPort));
        out.put("synapse.server_name", Option.of("--server-name", serverName));
        return out;
    }
}
