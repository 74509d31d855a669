package io.synapsebridge.protocol.command;

/**
 * {@code CLEAR_USER_SYNC <instance_id>} (v1.13+): a worker shutting down asks the presence writer to forget every
 * USER_SYNC it sent under this random per-process id.
 */
public record ClearUserSyncCommand(String instanceId) implements Command {
    public ClearUserSyncCommand {
        Args.text(instanceId, "instance_id");
    }

    static ClearUserSyncCommand fromArgs(String args) {
        return new ClearUserSyncCommand(args);
    }

    @Override
    public CommandType type() {
        return CommandType.CLEAR_USER_SYNC;
    }

    @Override
    public String args() {
        return instanceId;
    }
}
