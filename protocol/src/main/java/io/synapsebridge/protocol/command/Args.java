package io.synapsebridge.protocol.command;

import com.fasterxml.jackson.databind.JsonNode;
import io.synapsebridge.protocol.json.SynapseJson;
import java.util.regex.Pattern;

/**
 * Argument-string rules shared by the commands. Failures are {@link IllegalArgumentException}s whose message is the
 * reason; {@link Dialect} turns them into {@link CommandParseException}s carrying the line.
 */
final class Args {
    private static final Pattern INTEGER = Pattern.compile("[+-]?[0-9]+");

    private Args() {
    }

    /**
     * Python's {@code args.split(" ", n - 1)} for {@code n = names.length}, requiring exactly {@code n} fields. All
     * but the last must be non-empty: an empty one means a doubled space. The last keeps any further spaces.
     */
    static String[] split(String args, String... names) {
        return check(args.split(" ", names.length), names);
    }

    /** Python's {@code args.split(" ")} (no limit), requiring exactly {@code names.length} non-empty fields. */
    static String[] splitAll(String args, String... names) {
        String[] fields = check(args.split(" ", -1), names);
        requireNonEmpty(fields[fields.length - 1], names[names.length - 1]);
        return fields;
    }

    private static String[] check(String[] fields, String[] names) {
        if (fields.length != names.length) {
            throw new IllegalArgumentException("expected " + names.length + " field" + (names.length == 1 ? "" : "s")
                    + " (" + String.join(" ", names) + "), got " + fields.length);
        }
        for (int i = 0; i < fields.length - 1; i++) {
            requireNonEmpty(fields[i], names[i]);
        }
        return fields;
    }

    private static void requireNonEmpty(String field, String name) {
        if (field.isEmpty()) {
            throw new IllegalArgumentException("empty field " + name + " (doubled space?)");
        }
    }

    /**
     * A signed 64-bit decimal integer. Surrounding whitespace is ignored as Python's {@code int()} does, which is
     * why a trailing space after a command's last number is accepted.
     */
    static long integer(String field, String name) {
        String digits = field.strip();
        if (!INTEGER.matcher(digits).matches()) {
            throw new IllegalArgumentException(name + " is not an integer: '" + field + "'");
        }
        try {
            return Long.parseLong(digits);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(name + " is out of the signed 64-bit range: '" + field + "'");
        }
    }

    /** Strict JSON, see {@link SynapseJson#decode}. */
    static JsonNode json(String text, String name) {
        try {
            return SynapseJson.decode(text);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(name + ": " + e.getMessage());
        }
    }

    /** A field between spaces: non-empty, without space or LF. */
    static String word(String value, String name) {
        if (value == null || value.isEmpty()) {
            throw new IllegalArgumentException(name + " must not be empty");
        }
        if (value.indexOf(' ') >= 0 || value.indexOf('\n') >= 0) {
            throw new IllegalArgumentException(name + " must not contain a space or LF: '" + value + "'");
        }
        return value;
    }

    /** A field that runs to the end of the line: anything but LF. */
    static String text(String value, String name) {
        if (value == null) {
            throw new IllegalArgumentException(name + " must not be null");
        }
        if (value.indexOf('\n') >= 0) {
            throw new IllegalArgumentException(name + " must not contain LF");
        }
        return value;
    }
}
