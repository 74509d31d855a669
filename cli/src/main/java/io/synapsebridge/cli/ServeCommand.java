package io.synapsebridge.cli;

import io.synapsebridge.cli.config.ConfigLoader.Option;
import io.synapsebridge.cli.run.Part;
import java.util.Map;
import picocli.CommandLine.Command;

/** {@code serve}: the stream topics to workers, no capture. */
@Command(name = "serve", mixinStandardHelpOptions = true,
        description = {
            "Serves the stream topics to Synapse workers: the TCP replication listener (as Synapse's main "
                + "process up to v1.66) and the HTTP catch-up endpoint.",
            "Reads Kafka only; run capture elsewhere. Metrics on /metrics, health on /health."})
final class ServeCommand extends ServiceCommand {
    @picocli.CommandLine.Mixin
    ListenOptions listen;

    @Override
    Part part() {
        return Part.SERVE;
    }

    @Override
    Map<String, Option> extraOptions() {
        return listen.options();
    }
}
