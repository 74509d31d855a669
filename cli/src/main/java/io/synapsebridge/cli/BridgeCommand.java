package io.synapsebridge.cli;

import io.synapsebridge.cli.config.ConfigException;
import io.synapsebridge.cli.run.StartupException;
import io.synapsebridge.devstack.DevStackException;
import java.io.PrintWriter;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** The {@code synapse-kafka-bridge} command and its subcommands. */
@Command(name = "synapse-kafka-bridge",
        mixinStandardHelpOptions = true,
        versionProvider = VersionProvider.class,
        description = "Synapse's replication streams on Kafka: capture into one ordered topic per stream,"
                + " and a replication server that replays them to Synapse workers.",
        subcommands = {DevCommand.class, RunCommand.class, CaptureCommand.class, ServeCommand.class,
            TailCommand.class, StatusCommand.class,
            CommandLine.HelpCommand.class})
public final class BridgeCommand {
    /** Exit code of a start that failed for a reason the user can fix (port taken, bad config, ...). */
    static final int EXIT_USAGE = 2;
    /** Exit code of an unexpected failure. */
    static final int EXIT_FAILURE = 1;

    private static final Logger LOG = LoggerFactory.getLogger(BridgeCommand.class);

    public static void main(String[] args) {
        System.exit(commandLine().execute(args));
    }

    static CommandLine commandLine() {
        return new CommandLine(new BridgeCommand()).setExecutionExceptionHandler(BridgeCommand::handle);
    }

    /** Errors the user can act on are one line on stderr, never a stack trace. */
    private static int handle(Exception e, CommandLine cmd, CommandLine.ParseResult parsed) {
        PrintWriter err = cmd.getErr();
        if (e instanceof ConfigException || e instanceof DevStackException || e instanceof StartupException) {
            err.println("error: " + e.getMessage());
            err.flush();
            return EXIT_USAGE;
        }
        LOG.debug("unexpected failure", e);
        err.println("error: " + e.getClass().getSimpleName() + ": " + e.getMessage());
        err.flush();
        return EXIT_FAILURE;
    }
}
