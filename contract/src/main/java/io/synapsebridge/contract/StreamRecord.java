package io.synapsebridge.contract;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Objects;

/**
 * One record of a stream topic: a row of writer {@code instance} at {@code token}, or a position record saying the
 * writer's frontier reached {@code token} without rows.
 *
 * <p>Tokens are Synapse's stream ids as they appear on the wire (backfill is already negated, so positive).
 * A row's fields are named, never positional: the adapter lays them out for the Synapse version it emulates.
 */
public record StreamRecord(Type type, String stream, String instance, long token, ObjectNode row) {

    /** What a record says. */
    public enum Type {
        /** A stream row at {@code token}. */
        ROW("row"),
        /** The writer's frontier moved to {@code token}; every row of the writer at or below it is published. */
        POSITION("position");

        private final String wireName;

        Type(String wireName) {
            this.wireName = wireName;
        }

        public String wireName() {
            return wireName;
        }

        public static Type fromWireName(String name) {
            for (Type t : values()) {
                if (t.wireName.equals(name)) {
                    return t;
                }
            }
            throw new IllegalArgumentException("unknown record type '" + name + "' (expected row or position)");
        }
    }

    public StreamRecord {
        Objects.requireNonNull(type, "type");
        StreamNames.requireValid(stream);
        InstanceNames.requireValid(instance);
        if (token <= 0) {
            throw new IllegalArgumentException("token must be positive, got " + token);
        }
        if (type == Type.ROW && row == null) {
            throw new IllegalArgumentException("a row record needs a row object");
        }
        if (type == Type.POSITION && row != null) {
            throw new IllegalArgumentException("a position record carries no row");
        }
    }

    public static StreamRecord row(String stream, String instance, long token, ObjectNode row) {
        return new StreamRecord(Type.ROW, stream, instance, token, row);
    }

    public static StreamRecord position(String stream, String instance, long token) {
        return new StreamRecord(Type.POSITION, stream, instance, token, null);
    }

    public boolean isRow() {
        return type == Type.ROW;
    }
}
