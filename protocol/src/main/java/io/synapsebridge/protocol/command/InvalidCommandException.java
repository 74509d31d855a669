package io.synapsebridge.protocol.command;

import io.synapsebridge.protocol.ProtocolException;

/** A known command arrived from the side that may not send it, e.g. {@code POSITION} from a client. */
public final class InvalidCommandException extends ProtocolException {
    private static final long serialVersionUID = 1L;

    private final CommandType type;

    public InvalidCommandException(CommandType type) {
        super("invalid command: " + type.wireName());
        this.type = type;
    }

    public CommandType type() {
        return type;
    }

    /** {@code ERROR invalid command: <NAME>}, Synapse's exact reply. */
    @Override
    public ErrorCommand errorReply() {
        return new ErrorCommand(getMessage());
    }
}
