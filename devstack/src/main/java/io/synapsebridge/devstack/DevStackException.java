package io.synapsebridge.devstack;

/** A problem starting or running an embedded service, with a message fit for one line of output. */
public final class DevStackException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public DevStackException(String message) {
        super(message);
    }

    public DevStackException(String message, Throwable cause) {
        super(message, cause);
    }
}
