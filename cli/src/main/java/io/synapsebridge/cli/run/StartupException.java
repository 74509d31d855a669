package io.synapsebridge.cli.run;

/** A start that cannot go on for a reason the operator can fix (unreachable Kafka, port taken, ...): one line. */
public final class StartupException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public StartupException(String message, Throwable cause) {
        super(message, cause);
    }
}
