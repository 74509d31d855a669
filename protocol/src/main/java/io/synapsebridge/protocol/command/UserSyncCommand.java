package io.synapsebridge.protocol.command;

/**
 * {@code USER_SYNC}: a user (device) started or stopped syncing on a worker; the presence writer uses it.
 *
 * <p>Forms: v1.92+ {@code <instance_id> <user_id> <device_id|None> <start|end> <last_sync_ms>};
 * v1.13–v1.91 {@code <instance_id> <user_id> <start|end> <last_sync_ms>}; v0.21–v1.12
 * {@code <user_id> <start|end> <last_sync_ms>}. {@code instanceId} is a random per-process id (not the worker name)
 * and is null in the 2017 form, where the connection identified the worker. {@code deviceId} is null when absent;
 * the wire writes it as the literal {@code None}, so a device really called "None" reads back as absent.
 */
public record UserSyncCommand(String instanceId, String userId, String deviceId, boolean syncing, long lastSyncMs)
        implements Command {
    private static final String NO_DEVICE = "None";

    public UserSyncCommand {
        if (instanceId != null) {
            Args.word(instanceId, "instance_id");
        }
        Args.word(userId, "user_id");
        if (deviceId != null) {
            Args.word(deviceId, "device_id");
        }
    }

    /** v1.92+ form. */
    static UserSyncCommand fromArgs(String args) {
        String[] f = Args.split(args, "instance_id", "user_id", "device_id", "state", "last_sync_ms");
        String device = f[2].equals(NO_DEVICE) ? null : f[2];
        return new UserSyncCommand(f[0], f[1], device, state(f[3]), Args.integer(f[4], "last_sync_ms"));
    }

    /** v1.13–v1.91 form. */
    static UserSyncCommand fromArgsWithoutDevice(String args) {
        String[] f = Args.split(args, "instance_id", "user_id", "state", "last_sync_ms");
        return new UserSyncCommand(f[0], f[1], null, state(f[2]), Args.integer(f[3], "last_sync_ms"));
    }

    /**
     * Either the v1.13–v1.91 or the v1.92+ form. A fifth non-blank field means the device form; a blank one is a
     * trailing space after the 4-field form, which Synapse accepts.
     */
    static UserSyncCommand fromArgsWithOrWithoutDevice(String args) {
        String[] f = args.split(" ", 5);
        boolean withDevice = f.length == 5 && !f[4].isBlank();
        return withDevice ? fromArgs(args) : fromArgsWithoutDevice(args);
    }

    /** v0.21–v1.12 form. */
    static UserSyncCommand fromArgsWithoutInstance(String args) {
        String[] f = Args.split(args, "user_id", "state", "last_sync_ms");
        return new UserSyncCommand(null, f[0], null, state(f[1]), Args.integer(f[2], "last_sync_ms"));
    }

    @Override
    public CommandType type() {
        return CommandType.USER_SYNC;
    }

    @Override
    public String args() {
        return requireInstance() + " " + userId + " " + (deviceId == null ? NO_DEVICE : deviceId) + " " + stateText()
                + " " + lastSyncMs;
    }

    String argsWithoutDevice() {
        return requireInstance() + " " + userId + " " + stateText() + " " + lastSyncMs;
    }

    String argsWithoutInstance() {
        return userId + " " + stateText() + " " + lastSyncMs;
    }

    private String requireInstance() {
        if (instanceId == null) {
            throw new IllegalArgumentException("USER_SYNC needs an instance_id since v1.13");
        }
        return instanceId;
    }

    private String stateText() {
        return syncing ? "start" : "end";
    }

    private static boolean state(String field) {
        return switch (field) {
            case "start" -> true;
            case "end" -> false;
            default -> throw new IllegalArgumentException("invalid USER_SYNC state '" + field + "' (start or end)");
        };
    }
}
