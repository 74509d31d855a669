package io.synapsebridge.protocol.command;

/**
 * Every command name this package knows, as written on the wire (case-sensitive), with the direction Synapse allows
 * it on a TCP connection ({@code VALID_SERVER_COMMANDS} / {@code VALID_CLIENT_COMMANDS}).
 */
public enum CommandType {
    SERVER(true, false),
    NAME(false, true),
    PING(true, true),
    ERROR(true, true),
    REPLICATE(false, true),
    RDATA(true, false),
    POSITION(true, false),
    USER_SYNC(false, true),
    CLEAR_USER_SYNC(false, true),
    FEDERATION_ACK(false, true),
    USER_IP(false, true),
    REMOTE_SERVER_UP(true, true),
    /** v1.90+, in practice only over Redis. */
    LOCK_RELEASED(true, true),
    /** Removed in v1.29. */
    REMOVE_PUSHER(false, true),
    /** Removed in v1.14. */
    INVALIDATE_CACHE(false, true);

    private final boolean sentByServer;
    private final boolean sentByClient;

    CommandType(boolean sentByServer, boolean sentByClient) {
        this.sentByServer = sentByServer;
        this.sentByClient = sentByClient;
    }

    /** The command name on the wire. */
    public String wireName() {
        return name();
    }

    /** Whether a client (worker) may receive this command from the server. */
    public boolean sentByServer() {
        return sentByServer;
    }

    /** Whether the server may receive this command from a client (worker). */
    public boolean sentByClient() {
        return sentByClient;
    }
}
