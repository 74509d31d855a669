package io.synapsebridge.protocol.command;

/**
 * {@code SERVER <server_name>}: the server's first line. The client compares it with its own {@code server_name} and
 * answers {@code ERROR Wrong remote} if they differ.
 */
public record ServerCommand(String serverName) implements Command {
    public ServerCommand {
        Args.text(serverName, "server_name");
    }

    static ServerCommand fromArgs(String args) {
        return new ServerCommand(args);
    }

    @Override
    public CommandType type() {
        return CommandType.SERVER;
    }

    @Override
    public String args() {
        return serverName;
    }
}
