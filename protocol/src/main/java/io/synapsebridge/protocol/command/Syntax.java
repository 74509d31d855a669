package io.synapsebridge.protocol.command;

import java.util.EnumMap;
import java.util.Map;
import java.util.function.Function;

/** The command forms of one dialect: for each known command name, how its argument string is read and written. */
final class Syntax {
    private record Form<C extends Command>(Class<C> commandClass, Function<String, C> parser,
            Function<C, String> formatter) {

        String format(Command command) {
            if (!commandClass.isInstance(command)) {
                throw new IllegalArgumentException(command.type().wireName() + " must be a "
                        + commandClass.getSimpleName() + " in this dialect, got " + command.getClass().getSimpleName());
            }
            return formatter.apply(commandClass.cast(command));
        }
    }

    private final Map<CommandType, Form<?>> forms;

    private Syntax(Map<CommandType, Form<?>> forms) {
        this.forms = forms;
    }

    boolean knows(CommandType type) {
        return forms.containsKey(type);
    }

    /** @throws IllegalArgumentException with the reason if the command is unknown or its arguments are invalid */
    Command parse(String name, String args) {
        CommandType type = typeOf(name);
        Form<?> form = type == null ? null : forms.get(type);
        if (form == null) {
            throw new IllegalArgumentException("unknown command '" + name + "'");
        }
        return form.parser().apply(args);
    }

    /** @throws IllegalArgumentException if the dialect has no form for the command or the command lacks a field */
    String formatArgs(Command command) {
        Form<?> form = forms.get(command.type());
        if (form == null) {
            throw new IllegalArgumentException(command.type().wireName() + " does not exist in this dialect");
        }
        return form.format(command);
    }

    private static CommandType typeOf(String name) {
        for (CommandType type : CommandType.values()) {
            if (type.wireName().equals(name)) {
                return type;
            }
        }
        return null;
    }

    /** The forms every dialect shares; each dialect adds its era's REPLICATE, RDATA, POSITION and so on. */
    static Builder common() {
        return new Builder()
                .add(CommandType.SERVER, ServerCommand.class, ServerCommand::fromArgs, Command::args)
                .add(CommandType.NAME, NameCommand.class, NameCommand::fromArgs, Command::args)
                .add(CommandType.PING, PingCommand.class, PingCommand::fromArgs, Command::args)
                .add(CommandType.ERROR, ErrorCommand.class, ErrorCommand::fromArgs, Command::args)
                .add(CommandType.USER_IP, UserIpCommand.class, UserIpCommand::fromArgs, Command::args)
                .add(CommandType.REMOTE_SERVER_UP, RemoteServerUpCommand.class, RemoteServerUpCommand::fromArgs,
                        Command::args)
                .add(CommandType.REMOVE_PUSHER, RemovePusherCommand.class, RemovePusherCommand::fromArgs,
                        Command::args);
    }

    static final class Builder {
        private final Map<CommandType, Form<?>> forms = new EnumMap<>(CommandType.class);

        <C extends Command> Builder add(CommandType type, Class<C> commandClass, Function<String, C> parser,
                Function<C, String> formatter) {
            forms.put(type, new Form<>(commandClass, parser, formatter));
            return this;
        }

        Syntax build() {
            return new Syntax(Map.copyOf(forms));
        }
    }
}
