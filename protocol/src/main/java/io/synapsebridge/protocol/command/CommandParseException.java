package io.synapsebridge.protocol.command;

import io.synapsebridge.protocol.ProtocolException;

/** A received line is not a valid command. The message is the reason; {@link #line()} is the offending line. */
public final class CommandParseException extends ProtocolException {
    private static final long serialVersionUID = 1L;
    private static final int QUOTED_LINE_CHARS = 200;

    private final String line;

    public CommandParseException(String reason, String line) {
        super(reason);
        this.line = line;
    }

    public String line() {
        return line;
    }

    /** {@code ERROR failed to parse line: <reason> ('<line>')}, the line cut short so the reply stays small. */
    @Override
    public ErrorCommand errorReply() {
        String quoted = line.length() > QUOTED_LINE_CHARS ? line.substring(0, QUOTED_LINE_CHARS) + "..." : line;
        return new ErrorCommand(oneLine("failed to parse line: " + getMessage() + " ('" + quoted + "')"));
    }

    private static String oneLine(String text) {
        return text.replace("\r", "\\r").replace("\n", "\\n");
    }
}
