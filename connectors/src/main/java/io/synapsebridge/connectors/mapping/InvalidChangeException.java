package io.synapsebridge.connectors.mapping;

/** A captured change that cannot be mapped to a stream row; the message says why. */
public final class InvalidChangeException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public InvalidChangeException(String message) {
        super(message);
    }
}
