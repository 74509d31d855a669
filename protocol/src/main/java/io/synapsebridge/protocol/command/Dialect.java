package io.synapsebridge.protocol.command;

import io.synapsebridge.protocol.Lines;

/**
 * The replication line formats of a range of Synapse releases, chosen by configuration. A dialect parses lines from
 * either side and formats commands; row contents are the business of the {@code rows} package.
 *
 * <table>
 * <caption>What differs</caption>
 * <tr><th></th><th>{@link #V0_21}</th><th>{@link #V1_13}</th><th>{@link #V1_22}</th></tr>
 * <tr><td>REPLICATE</td><td>{@code <stream> <token|NOW>}</td><td colspan="2">no arguments</td></tr>
 * <tr><td>RDATA</td><td>{@code <stream> <token|batch> <json>}</td>
 *     <td colspan="2">{@code <stream> <instance> <token|batch> <json>}</td></tr>
 * <tr><td>POSITION</td><td>{@code <stream> <token>}</td><td>{@code <stream> <instance> <token>}</td>
 *     <td>{@code <stream> <instance> <prev> <new>}</td></tr>
 * <tr><td>USER_SYNC</td><td>{@code <user> <start|end> <ms>}</td><td>{@code <instance_id> <user> <start|end> <ms>}</td>
 *     <td>same, or v1.92+ with {@code <device|None>} after the user</td></tr>
 * <tr><td>FEDERATION_ACK</td><td>{@code <token>}</td><td>{@code <token>} or {@code <instance> <token>}</td>
 *     <td>{@code <instance> <token>}</td></tr>
 * </table>
 *
 * <p>Parsing follows Synapse: the command name is everything before the first space (case-sensitive), the rest is
 * the argument string ({@code ""} for a one-word line), which each command splits on single spaces with its own
 * limit. Stricter than Synapse in one way: an empty field (a doubled space) is always an error. Check for blank lines
 * with {@link Lines#isBlank} before parsing.
 */
public enum Dialect {
    /**
     * v0.21–v1.12, the 2017 protocol. The client subscribes per stream with {@code REPLICATE <stream> <token|NOW>};
     * the server answers with the rows after the token as RDATA, then {@code POSITION <stream> <current>}, then live
     * rows for that stream only. No instance names: parsed RDATA and POSITION get {@link #MAIN_PROCESS_INSTANCE}.
     */
    V0_21(Syntax.common()
            .add(CommandType.REPLICATE, LegacyReplicateCommand.class, LegacyReplicateCommand::fromArgs,
                    Command::args)
            .add(CommandType.RDATA, RdataCommand.class, RdataCommand::fromArgsWithoutInstance,
                    RdataCommand::argsWithoutInstance)
            .add(CommandType.POSITION, PositionCommand.class, PositionCommand::fromArgsWithoutInstance,
                    PositionCommand::argsWithoutInstance)
            .add(CommandType.USER_SYNC, UserSyncCommand.class, UserSyncCommand::fromArgsWithoutInstance,
                    UserSyncCommand::argsWithoutInstance)
            .add(CommandType.FEDERATION_ACK, FederationAckCommand.class, FederationAckCommand::fromArgsTokenOnly,
                    FederationAckCommand::argsTokenOnly)
            .add(CommandType.INVALIDATE_CACHE, InvalidateCacheCommand.class, InvalidateCacheCommand::fromArgs,
                    Command::args)
            .build()),

    /**
     * v1.13–v1.21: bare REPLICATE, instance names, single-token POSITION (formatting drops {@code prevToken}; a
     * parsed one has prev = new). FEDERATION_ACK in both its pre- and post-v1.18 forms.
     */
    V1_13(Syntax.common()
            .add(CommandType.REPLICATE, ReplicateCommand.class, ReplicateCommand::fromArgs, Command::args)
            .add(CommandType.RDATA, RdataCommand.class, RdataCommand::fromArgs, Command::args)
            .add(CommandType.POSITION, PositionCommand.class, PositionCommand::fromArgsSingleToken,
                    PositionCommand::argsSingleToken)
            .add(CommandType.USER_SYNC, UserSyncCommand.class, UserSyncCommand::fromArgsWithoutDevice,
                    UserSyncCommand::argsWithoutDevice)
            .add(CommandType.CLEAR_USER_SYNC, ClearUserSyncCommand.class, ClearUserSyncCommand::fromArgs,
                    Command::args)
            .add(CommandType.FEDERATION_ACK, FederationAckCommand.class, FederationAckCommand::fromArgsEitherForm,
                    Command::args)
            .add(CommandType.INVALIDATE_CACHE, InvalidateCacheCommand.class, InvalidateCacheCommand::fromArgs,
                    Command::args)
            .build()),

    /**
     * v1.22–v1.66 (the last release with TCP replication), the default. Also reads the later client forms a newer
     * worker would send: 5-field USER_SYNC and LOCK_RELEASED. Writes USER_SYNC in the v1.66 4-field form.
     */
    V1_22(Syntax.common()
            .add(CommandType.REPLICATE, ReplicateCommand.class, ReplicateCommand::fromArgs, Command::args)
            .add(CommandType.RDATA, RdataCommand.class, RdataCommand::fromArgs, Command::args)
            .add(CommandType.POSITION, PositionCommand.class, PositionCommand::fromArgs, Command::args)
            .add(CommandType.USER_SYNC, UserSyncCommand.class, UserSyncCommand::fromArgsWithOrWithoutDevice,
                    UserSyncCommand::argsWithoutDevice)
            .add(CommandType.CLEAR_USER_SYNC, ClearUserSyncCommand.class, ClearUserSyncCommand::fromArgs,
                    Command::args)
            .add(CommandType.FEDERATION_ACK, FederationAckCommand.class, FederationAckCommand::fromArgs,
                    FederationAckCommand::argsWithInstance)
            .add(CommandType.LOCK_RELEASED, LockReleasedCommand.class, LockReleasedCommand::fromArgs,
                    Command::args)
            .build());

    /** The dialect used unless configured otherwise. */
    public static final Dialect DEFAULT = V1_22;

    /** Synapse's instance name for its main process, the only stream writer over TCP before v1.13. */
    public static final String MAIN_PROCESS_INSTANCE = "master";

    private static final String REPLICATE_PREFIX = CommandType.REPLICATE.wireName() + " ";

    private final Syntax syntax;

    Dialect(Syntax syntax) {
        this.syntax = syntax;
    }

    /** Whether the command exists in this dialect's releases. */
    public boolean knows(CommandType type) {
        return syntax.knows(type);
    }

    /**
     * Parses one line (without its LF) sent by either side.
     *
     * @throws CommandParseException if the line is not a valid command of this dialect
     */
    public Command parse(String line) {
        if (line.indexOf(Lines.DELIMITER) >= 0) {
            throw new CommandParseException("a line may not contain LF", line);
        }
        int space = line.indexOf(' ');
        String name = space >= 0 ? line.substring(0, space) : line;
        String args = space >= 0 ? line.substring(space + 1) : "";
        try {
            return syntax.parse(name, args);
        } catch (IllegalArgumentException e) {
            throw new CommandParseException(e.getMessage(), line);
        }
    }

    /**
     * Parses a line received by the server and checks that a client may send it.
     *
     * @throws CommandParseException if the line is not a valid command of this dialect
     * @throws InvalidCommandException if it is a command only the server may send
     */
    public Command parseFromClient(String line) {
        Command command = parse(line);
        if (!command.type().sentByClient()) {
            throw new InvalidCommandException(command.type());
        }
        return command;
    }

    /**
     * The line (without LF) for {@code command}: its name, one space and its arguments in this dialect's form, so a
     * command without arguments keeps a trailing space as Synapse writes it. Check the length with
     * {@link Lines#requireSendable} before writing.
     *
     * @throws IllegalArgumentException if the command does not exist in this dialect or lacks a field it needs
     */
    public String format(Command command) {
        return command.type().wireName() + " " + syntax.formatArgs(command);
    }

    /**
     * Whether a client's line is a 2017-dialect subscription ({@code REPLICATE} with arguments): the sign of a
     * v0.21–v1.12 worker. Newer releases send {@code REPLICATE} with nothing, or a space, after it.
     */
    public static boolean isLegacyReplicate(String line) {
        return line.startsWith(REPLICATE_PREFIX) && !Lines.isBlank(line.substring(REPLICATE_PREFIX.length()));
    }
}
