package io.synapsebridge.sim;

/** A database error while allocating ids or writing, committing or rolling back a stream write. */
public final class SynapseWriterException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public SynapseWriterException(String message, Throwable cause) {
        super(message, cause);
    }
}
