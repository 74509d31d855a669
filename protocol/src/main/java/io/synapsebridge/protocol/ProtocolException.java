package io.synapsebridge.protocol;

import io.synapsebridge.protocol.command.ErrorCommand;

/**
 * A peer broke the protocol. Synapse answers every such case with an {@code ERROR} line and closes the connection;
 * {@link #errorReply()} is that line.
 */
public abstract class ProtocolException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    protected ProtocolException(String message) {
        super(message);
    }

    /** The {@code ERROR} command Synapse would send before closing the connection. */
    public abstract ErrorCommand errorReply();
}
