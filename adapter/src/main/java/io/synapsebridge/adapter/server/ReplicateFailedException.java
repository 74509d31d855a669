package io.synapsebridge.adapter.server;

import io.synapsebridge.protocol.ProtocolException;
import io.synapsebridge.protocol.command.ErrorCommand;

/** A 2017-dialect REPLICATE that cannot be served; Synapse answered {@code ERROR failed to handle replicate: ...}. */
final class ReplicateFailedException extends ProtocolException {
    private static final long serialVersionUID = 1L;

    ReplicateFailedException(String message) {
        super(message);
    }

    @Override
    public ErrorCommand errorReply() {
        return reply(getMessage());
    }

    static ErrorCommand reply(String reason) {
        return new ErrorCommand("failed to handle replicate: " + reason);
    }
}
