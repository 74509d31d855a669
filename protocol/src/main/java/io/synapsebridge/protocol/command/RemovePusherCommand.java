package io.synapsebridge.protocol.command;

/** {@code REMOVE_PUSHER <app_id> <push_key> <user_id>} (until v1.28): a worker asks the main process to delete a pusher. */
public record RemovePusherCommand(String appId, String pushKey, String userId) implements Command {
    public RemovePusherCommand {
        Args.word(appId, "app_id");
        Args.word(pushKey, "push_key");
        Args.text(userId, "user_id");
    }

    static RemovePusherCommand fromArgs(String args) {
        String[] f = Args.split(args, "app_id", "push_key", "user_id");
        return new RemovePusherCommand(f[0], f[1], f[2]);
    }

    @Override
    public CommandType type() {
        return CommandType.REMOVE_PUSHER;
    }

    @Override
    public String args() {
        return appId + " " + pushKey + " " + userId;
    }
}
