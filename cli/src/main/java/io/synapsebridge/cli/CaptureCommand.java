package io.synapsebridge.cli;

import io.synapsebridge.cli.run.Part;
import picocli.CommandLine.Command;

/** {@code capture}: Postgres into the stream topics, nothing served. */
@Command(name = "capture", mixinStandardHelpOptions = true,
        description = {
            "Captures Synapse's stream tables from Postgres (logical decoding, Debezium) into one ordered "
                + "topic per stream, publishing each row once every row at or below its token is committed.",
            "Creates the topics, the publication, the replication slot and a heartbeat table if missing. "
                + "Metrics on /metrics."})
final class CaptureCommand extends ServiceCommand {
    @Override
    Part part() {
        return Part.CAPTURE;
    }
}
