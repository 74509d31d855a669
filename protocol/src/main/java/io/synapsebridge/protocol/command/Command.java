package io.synapsebridge.protocol.command;

/**
 * One replication command: an immutable value, independent of the dialect it is read from or written in. Lines are
 * parsed and formatted by a {@link Dialect}; a line is always {@code NAME + " " + arguments}.
 */
public sealed interface Command permits ServerCommand, NameCommand, PingCommand, ErrorCommand, ReplicateCommand,
        LegacyReplicateCommand, RdataCommand, PositionCommand, UserSyncCommand, ClearUserSyncCommand,
        FederationAckCommand, UserIpCommand, RemoteServerUpCommand, LockReleasedCommand, RemovePusherCommand,
        InvalidateCacheCommand {

    CommandType type();

    /**
     * The argument string in the newest form this command has had (Synapse's {@code to_line()}); use
     * {@link Dialect#format} to get the form a given Synapse release expects.
     */
    String args();
}
