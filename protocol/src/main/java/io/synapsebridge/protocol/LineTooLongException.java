package io.synapsebridge.protocol;

import io.synapsebridge.protocol.command.ErrorCommand;

/**
 * A line is longer than {@link Lines#MAX_LINE_BYTES}. Received: reply with {@link #errorReply()} and close, as
 * Synapse does. About to be sent: drop the command and log it, as Synapse does.
 */
public final class LineTooLongException extends ProtocolException {
    private static final long serialVersionUID = 1L;

    private final int byteLength;

    public LineTooLongException(int byteLength) {
        super("line is " + byteLength + " bytes, the limit is " + Lines.MAX_LINE_BYTES + " bytes without the LF");
        this.byteLength = byteLength;
    }

    public int byteLength() {
        return byteLength;
    }

    @Override
    public ErrorCommand errorReply() {
        return ErrorCommand.LINE_LENGTH_EXCEEDED;
    }
}
