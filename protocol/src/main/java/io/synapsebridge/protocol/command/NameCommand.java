package io.synapsebridge.protocol.command;

/** {@code NAME <client_name>}: the worker's name, for logs only. The whole rest of the line, possibly empty. */
public record NameCommand(String name) implements Command {
    public NameCommand {
        Args.text(name, "name");
    }

    static NameCommand fromArgs(String args) {
        return new NameCommand(args);
    }

    @Override
    public CommandType type() {
        return CommandType.NAME;
    }

    @Override
    public String args() {
        return name;
    }
}
