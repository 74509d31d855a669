package io.synapsebridge.cli;

import io.synapsebridge.cli.config.ConfigLoader.Option;
import io.synapsebridge.cli.run.Part;
import java.util.HashMap;
import java.util.Map;
import picocli.CommandLine.Command;

/** {@code run}: capture and serve in one process. */
@Command(name = "run", mixinStandardHelpOptions = true,
        description = {
            "Captures Synapse's stream tables from Postgres into the stream topics and serves them to "
                + "workers (TCP replication and HTTP catch-up), in one process, against an existing Postgres "
                + "(wal_level=logical) and Kafka.",
            "Metrics on /metrics, health on /health. Stops cleanly on Ctrl-C or SIGTERM."})
final class RunCommand extends ServiceCommand {
    @picocli.CommandLine.Mixin
    ListenOptions listen;

    @Override
    Part part() {
        return Part.BOTH;
    }

    @Override
    Map<String, Option> extraOptions() {
        return new HashMap<>(listen.options());
    }
}
