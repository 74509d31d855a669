package io.synapsebridge.protocol.command;

/**
 * {@code REMOTE_SERVER_UP <server_name>} (v1.9+): a remote homeserver is reachable again. Up to v1.66 the main
 * process relays it to every other connection.
 */
public record RemoteServerUpCommand(String serverName) implements Command {
    public RemoteServerUpCommand {
        Args.text(serverName, "server_name");
    }

    static RemoteServerUpCommand fromArgs(String args) {
        return new RemoteServerUpCommand(args);
    }

    @Override
    public CommandType type() {
        return CommandType.REMOTE_SERVER_UP;
    }

    @Override
    public String args() {
        return serverName;
    }
}
