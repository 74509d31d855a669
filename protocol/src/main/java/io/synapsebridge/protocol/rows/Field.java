package io.synapsebridge.protocol.rows;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.NullNode;
import io.synapsebridge.protocol.json.InvalidJsonException;

/** One named field of a topic row and the position-free rules for it. */
record Field(String name, FieldType type, Presence presence) {
    private static final byte[] NULL = {'n', 'u', 'l', 'l'};

    enum Presence {
        /** Must be present and not null. */
        REQUIRED,
        /** May be missing or null; both encode as null. */
        OPTIONAL,
        /** Must be present, may be null: for fields where null means something, like "whole cache" for keys. */
        REQUIRED_NULLABLE
    }

    static Field required(String name, FieldType type) {
        return new Field(name, type, Presence.REQUIRED);
    }

    static Field optional(String name, FieldType type) {
        return new Field(name, type, Presence.OPTIONAL);
    }

    static Field requiredNullable(String name, FieldType type) {
        return new Field(name, type, Presence.REQUIRED_NULLABLE);
    }

    /** The wire value of this field in {@code row}. */
    JsonNode read(NamedFields row) {
        JsonNode value = row.get(name);
        if (value == null && presence != Presence.OPTIONAL) {
            throw new RowEncodingException("missing field '" + name + "'");
        }
        if (value == null || value.isNull()) {
            if (presence == Presence.REQUIRED) {
                throw new RowEncodingException("field '" + name + "' must not be null");
            }
            return NullNode.getInstance();
        }
        JsonNode wire;
        try {
            wire = type.toWire(value);
        } catch (InvalidJsonException e) {
            throw new RowEncodingException("field '" + name + "': " + e.getMessage());
        }
        if (wire == null) {
            throw new RowEncodingException("field '" + name + "' must be " + type.description() + ", got "
                    + value.getNodeType().name().toLowerCase() + " " + abbreviate(value.toString()));
        }
        return wire;
    }

    /**
     * Appends this field's wire value from the row's raw text, when it goes on the wire as read.
     *
     * @return false if the value must be converted, or is missing or of the wrong type (see {@link #read})
     */
    boolean copyVerbatim(RawFields row, VerbatimJson out) {
        int field = row.indexOf(name);
        RawFields.Kind kind = field < 0 ? RawFields.Kind.NULL : row.kind(field);
        if (kind == RawFields.Kind.NULL) {
            if (presence == Presence.REQUIRED || field < 0 && presence == Presence.REQUIRED_NULLABLE) {
                return false;
            }
            out.append(NULL);
            return true;
        }
        boolean asRead = switch (type) {
            case STRING -> kind == RawFields.Kind.STRING;
            case INTEGER -> kind == RawFields.Kind.INTEGER;
            case BOOLEAN -> kind == RawFields.Kind.TRUE || kind == RawFields.Kind.FALSE;
            default -> false;
        };
        if (asRead) {
            row.copyValue(field, out);
        }
        return asRead;
    }

    private static String abbreviate(String text) {
        return text.length() > 60 ? text.substring(0, 60) + "..." : text;
    }
}
