package io.synapsebridge.protocol.command;

/** {@code ERROR <text>}: the sender closes right after it; the receiver only logs it. */
public record ErrorCommand(String message) implements Command {
    /** Sent when a received line is longer than the limit. */
    public static final ErrorCommand LINE_LENGTH_EXCEEDED = new ErrorCommand("Line length exceeded");
    /** Sent when the peer, having pinged once, stays silent for 25 s. */
    public static final ErrorCommand PING_TIMEOUT = new ErrorCommand("ping timeout");
    /** Sent when more than 10000 commands are queued for a slow peer. */
    public static final ErrorCommand FAILED_TO_KEEP_UP = new ErrorCommand("Failed to keep up");
    /** Sent by a client whose {@code server_name} differs from the server's {@code SERVER} line. */
    public static final ErrorCommand WRONG_REMOTE = new ErrorCommand("Wrong remote");
    /** Sent to every connection on shutdown, by v1.12 and earlier only. */
    public static final ErrorCommand SERVER_SHUTTING_DOWN = new ErrorCommand("server shutting down");

    public ErrorCommand {
        Args.text(message, "message");
    }

    static ErrorCommand fromArgs(String args) {
        return new ErrorCommand(args);
    }

    @Override
    public CommandType type() {
        return CommandType.ERROR;
    }

    @Override
    public String args() {
        return message;
    }
}
