package io.synapsebridge.protocol.command;

/**
 * {@code POSITION <stream> <instance> <prev_token> <new_token>} (v1.22+): writer {@code instance} is at
 * {@code newToken} and wrote no rows after {@code prevToken}, the last token it announced. A receiver whose position
 * for the writer is not {@code prevToken} fetches {@code (current, newToken]} itself, from the shared database or
 * over HTTP. With nothing announced before, use the same token twice ({@link #announce}).
 *
 * <p>Older dialects carry less: v1.13–v1.21 only the new token, v0.21–v1.12 no instance either.
 */
public record PositionCommand(String stream, String instance, long prevToken, long newToken) implements Command {
    public PositionCommand {
        Args.word(stream, "stream_name");
        Args.word(instance, "instance_name");
    }

    /** {@code POSITION stream instance token token}: what Synapse sends for every stream on REPLICATE. */
    public static PositionCommand announce(String stream, String instance, long token) {
        return new PositionCommand(stream, instance, token, token);
    }

    static PositionCommand fromArgs(String args) {
        String[] f = Args.split(args, "stream_name", "instance_name", "prev_token", "new_token");
        return new PositionCommand(f[0], f[1], Args.integer(f[2], "prev_token"), Args.integer(f[3], "new_token"));
    }

    /** v1.13–v1.21 form {@code <stream> <instance> <token>}; read as prev = new. */
    static PositionCommand fromArgsSingleToken(String args) {
        String[] f = Args.split(args, "stream_name", "instance_name", "token");
        return announce(f[0], f[1], Args.integer(f[2], "token"));
    }

    /** v0.21–v1.12 form {@code <stream> <token>}; only the main process wrote streams then. */
    static PositionCommand fromArgsWithoutInstance(String args) {
        String[] f = Args.split(args, "stream_name", "token");
        return announce(f[0], Dialect.MAIN_PROCESS_INSTANCE, Args.integer(f[1], "token"));
    }

    @Override
    public CommandType type() {
        return CommandType.POSITION;
    }

    @Override
    public String args() {
        return stream + " " + instance + " " + prevToken + " " + newToken;
    }

    String argsSingleToken() {
        return stream + " " + instance + " " + newToken;
    }

    String argsWithoutInstance() {
        return stream + " " + newToken;
    }
}
