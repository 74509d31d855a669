package io.synapsebridge.protocol.command;

/**
 * {@code PING <data>}: keep-alive with arbitrary text (Synapse sends milliseconds since the epoch). Receiving one
 * turns on the receiver's 25 s idle timeout.
 */
public record PingCommand(String data) implements Command {
    public PingCommand {
        Args.text(data, "data");
    }

    /** The PING Synapse sends: the current time in milliseconds. */
    public static PingCommand at(long epochMillis) {
        return new PingCommand(Long.toString(epochMillis));
    }

    static PingCommand fromArgs(String args) {
        return new PingCommand(args);
    }

    @Override
    public CommandType type() {
        return CommandType.PING;
    }

    @Override
    public String args() {
        return data;
    }
}
