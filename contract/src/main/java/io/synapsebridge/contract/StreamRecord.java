package io.synapsebridge.contract;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Objects;

/**
 * One record of a stream topic: a row of writer {@code instance} at {@code token}, a position record saying the
 * writer's frontier reached {@code token} without rows, or a reset record saying the writer's tokens went back.
 *
 * <p>Tokens are Synapse's stream ids as they appear on the wire (backfill is already negated, so positive).
 * A row's fields are named, never positional: the adapter lays them out for the Synapse version it emulates.
 *
 * <p>The in-memory streams (typing, federation, presence_federation) count their tokens in the writer's memory,
 * so a writer restart takes them back. Each such restart starts a new <em>run</em> with a reset record; the run is
 * numbered (0 for the writer's first, then 1, 2, ...) and every record carries it, so that a writer's records rise
 * in (run, token) order through the topic even though tokens alone do not.
 *
 * @param run the writer's run; always 0 for streams whose tokens never go back
 */
public record StreamRecord(Type type, String stream, String instance, long token, ObjectNode row, long run) {

    /** What a record says. */
    public enum Type {
        /** A stream row at {@code token}. */
        ROW("row"),
        /** The writer's frontier moved to {@code token}; every row of the writer at or below it is published. */
        POSITION("position"),
        /**
         * The writer's tokens went back to {@code token} (it restarted): run {@code run} starts here, the writer is
         * at {@code token}, and the rows that follow in the run are above it. Rows of earlier runs are over.
         */
        RESET("reset");

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
            throw new IllegalArgumentException("unknown record type '" + name + "' (expected row, position or reset)");
        }
    }

    public StreamRecord {
        Objects.requireNonNull(type, "type");
        StreamNames.requireValid(stream);
        InstanceNames.requireValid(instance);
        if (run < 0) {
            throw new IllegalArgumentException("run must not be negative, got " + run);
        }
        if (type == Type.RESET) {
            // A restarted writer may be back at 0 (typing, presence_federation before their first id).
            if (token < 0) {
                throw new IllegalArgumentException("a reset token must not be negative, got " + token);
            }
            if (run == 0) {
                throw new IllegalArgumentException("a reset record starts a run after the first: run must be 1 or more");
            }
        } else if (token <= 0) {
            throw new IllegalArgumentException("token must be positive, got " + token);
        }
        if (type == Type.ROW && row == null) {
            throw new IllegalArgumentException("a row record needs a row object");
        }
        if (type != Type.ROW && row != null) {
            throw new IllegalArgumentException("a " + type.wireName() + " record carries no row");
        }
    }

    /** A record of a writer's first run. */
    public StreamRecord(Type type, String stream, String instance, long token, ObjectNode row) {
        this(type, stream, instance, token, row, 0);
    }

    public static StreamRecord row(String stream, String instance, long token, ObjectNode row) {
        return new StreamRecord(Type.ROW, stream, instance, token, row);
    }

    public static StreamRecord position(String stream, String instance, long token) {
        return new StreamRecord(Type.POSITION, stream, instance, token, null);
    }

    /** The writer's tokens went back to {@code token}: run {@code run} starts. */
    public static StreamRecord reset(String stream, String instance, long run, long token) {
        return new StreamRecord(Type.RESET, stream, instance, token, null, run);
    }

    /** This record in the writer's run {@code run}. */
    public StreamRecord inRun(long run) {
        return new StreamRecord(type, stream, instance, token, row, run);
    }

    public boolean isRow() {
        return type == Type.ROW;
    }

    public boolean isReset() {
        return type == Type.RESET;
    }

    /**
     * Whether this record comes after a record of the same writer at ({@code otherRun}, {@code otherToken}) in the
     * writer's order: a later run, or a higher token in the same run.
     */
    public boolean isAfter(long otherRun, long otherToken) {
        return run != otherRun ? run > otherRun : token > otherToken;
    }
}
