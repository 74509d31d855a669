package io.synapsebridge.protocol.command;

/**
 * {@code FEDERATION_ACK <instance_name> <token>} (v1.18+; before: {@code FEDERATION_ACK <token>}, where
 * {@code instance} is null): the federation sender has stored its position in the {@code federation} stream, so the
 * main process may trim its queue up to {@code token}.
 */
public record FederationAckCommand(String instance, long token) implements Command {
    public FederationAckCommand {
        if (instance != null) {
            Args.word(instance, "instance_name");
        }
    }

    /** v1.18+ form: exactly two fields, split on every space. */
    static FederationAckCommand fromArgs(String args) {
        String[] f = Args.splitAll(args, "instance_name", "token");
        return new FederationAckCommand(f[0], Args.integer(f[1], "token"));
    }

    /** v0.21–v1.17 form: the whole argument string is the token. */
    static FederationAckCommand fromArgsTokenOnly(String args) {
        return new FederationAckCommand(null, Args.integer(args, "token"));
    }

    /** Either form, for dialects spanning v1.18. */
    static FederationAckCommand fromArgsEitherForm(String args) {
        return args.strip().indexOf(' ') < 0 ? fromArgsTokenOnly(args) : fromArgs(args);
    }

    @Override
    public CommandType type() {
        return CommandType.FEDERATION_ACK;
    }

    /** The v1.18+ form, or the token alone when there is no instance. */
    @Override
    public String args() {
        return instance == null ? argsTokenOnly() : instance + " " + token;
    }

    String argsWithInstance() {
        if (instance == null) {
            throw new IllegalArgumentException("FEDERATION_ACK needs an instance_name since v1.18");
        }
        return args();
    }

    String argsTokenOnly() {
        return Long.toString(token);
    }
}
