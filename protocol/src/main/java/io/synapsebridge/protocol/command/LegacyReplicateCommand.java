package io.synapsebridge.protocol.command;

import java.util.OptionalLong;

/**
 * {@code REPLICATE <stream> <token|NOW>} (v0.21–v1.12): subscribes the connection to one stream. The server streams
 * the rows after {@code token} as RDATA, then sends {@code POSITION <stream> <current>}, then live rows. An empty
 * token means {@code NOW}: no backlog. {@code stream} may be {@link #ALL}, meaning every stream.
 */
public record LegacyReplicateCommand(String stream, OptionalLong token) implements Command {
    /** The stream name that subscribes to every stream. */
    public static final String ALL = "ALL";

    public LegacyReplicateCommand {
        Args.word(stream, "stream_name");
        if (token == null) {
            throw new IllegalArgumentException("token must not be null; use OptionalLong.empty() for NOW");
        }
    }

    /** Whether the client asked for live updates only, without a backlog. */
    public boolean isNow() {
        return token.isEmpty();
    }

    /** Whether the subscription covers every stream. */
    public boolean isAll() {
        return ALL.equals(stream);
    }

    static LegacyReplicateCommand fromArgs(String args) {
        String[] f = Args.split(args, "stream_name", "token");
        boolean now = f[1].equals("NOW") || f[1].equals("now");
        return new LegacyReplicateCommand(f[0], now ? OptionalLong.empty() : OptionalLong.of(Args.integer(f[1], "token")));
    }

    @Override
    public CommandType type() {
        return CommandType.REPLICATE;
    }

    @Override
    public String args() {
        return stream + " " + (token.isPresent() ? Long.toString(token.getAsLong()) : "NOW");
    }
}
