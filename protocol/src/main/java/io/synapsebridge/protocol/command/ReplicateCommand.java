package io.synapsebridge.protocol.command;

/**
 * {@code REPLICATE} (v1.13+): asks the server to announce a POSITION for every stream it writes. Synapse writes it
 * with a trailing space and ignores any arguments; for the 2017 form with arguments see
 * {@link LegacyReplicateCommand}.
 */
public record ReplicateCommand() implements Command {
    public static final ReplicateCommand INSTANCE = new ReplicateCommand();

    static ReplicateCommand fromArgs(String ignored) {
        return INSTANCE;
    }

    @Override
    public CommandType type() {
        return CommandType.REPLICATE;
    }

    @Override
    public String args() {
        return "";
    }
}
