package io.synapsebridge.contract;

/** A stream record that does not follow the topic contract; the message says why. */
public final class InvalidRecordException extends IllegalArgumentException {
    private static final long serialVersionUID = 1L;

    public InvalidRecordException(String message) {
        super(message);
    }
}
