package io.synapsebridge.protocol.json;

/** A text is not JSON Synapse would accept, or a value cannot be encoded the way Synapse encodes. */
public final class InvalidJsonException extends IllegalArgumentException {
    private static final long serialVersionUID = 1L;

    public InvalidJsonException(String message) {
        super(message);
    }
}
