package io.synapsebridge.protocol.rows;

/**
 * A topic row cannot be laid out for the emulated Synapse version: unknown stream or kind, missing required field, or
 * a field of the wrong JSON type. The caller should log the record and skip it.
 */
public final class RowEncodingException extends IllegalArgumentException {
    private static final long serialVersionUID = 1L;

    public RowEncodingException(String message) {
        super(message);
    }
}
