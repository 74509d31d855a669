package io.synapsebridge.sim.schema;

/** A migration file could not be read or one of its statements failed; the message names both. */
public final class SchemaMigrationException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public SchemaMigrationException(String message, Throwable cause) {
        super(message, cause);
    }

    public SchemaMigrationException(String message) {
        super(message);
    }
}
