package io.synapsebridge.connectors.mapping;

import io.synapsebridge.connectors.sequencing.SourcePosition;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Map;

/**
 * One captured change of one table row: the columns after the change, by name, with plain Java values (Long,
 * Integer, String, Boolean, byte[]; null for SQL NULL).
 */
public record ChangeRow(String table, Operation operation, Map<String, Object> after, SourcePosition source) {

    /** What happened to the row. Deletes and truncates are not captured. */
    public enum Operation { INSERT, UPDATE }

    /** The column's value; {@link InvalidChangeException} if the column is missing or NULL. */
    public Object required(String column) {
        Object v = after.get(column);
        if (v == null) {
            throw new InvalidChangeException(table + "." + column + " is missing or NULL");
        }
        return v;
    }

    public String text(String column) {
        Object v = required(column);
        if (!(v instanceof String s)) {
            throw new InvalidChangeException(table + "." + column + " is not text: " + v.getClass().getSimpleName());
        }
        return s;
    }

    /** A nullable text column. */
    public String textOrNull(String column) {
        Object v = after.get(column);
        if (v == null) {
            return null;
        }
        if (!(v instanceof String s)) {
            throw new InvalidChangeException(table + "." + column + " is not text: " + v.getClass().getSimpleName());
        }
        return s;
    }

    public long integer(String column) {
        return toLong(column, required(column));
    }

    /** A nullable integer column. */
    public Long integerOrNull(String column) {
        Object v = after.get(column);
        return v == null ? null : toLong(column, v);
    }

    private long toLong(String column, Object v) {
        if (!(v instanceof Number n) || v instanceof Double || v instanceof Float) {
            throw new InvalidChangeException(table + "." + column + " is not an integer: " + v);
        }
        return n.longValue();
    }

    /**
     * A nullable {@code text[]} column, which capture delivers as a list or an array of strings. Elements may be
     * NULL, as Postgres allows.
     */
    public List<String> textArrayOrNull(String column) {
        Object v = after.get(column);
        if (v == null) {
            return null;
        }
        List<?> elements;
        if (v instanceof List<?> list) {
            elements = list;
        } else if (v instanceof Object[] array) {
            elements = Arrays.asList(array);
        } else {
            throw new InvalidChangeException(table + "." + column + " is not a text array: "
                    + v.getClass().getSimpleName());
        }
        List<String> out = new ArrayList<>(elements.size());
        for (Object e : elements) {
            if (e != null && !(e instanceof String)) {
                throw new InvalidChangeException(table + "." + column + " has a non-text element: "
                        + e.getClass().getSimpleName());
            }
            out.add((String) e);
        }
        return Collections.unmodifiableList(out);
    }

    /** A boolean column; Synapse's SQLite heritage means 0/1 integers appear too. */
    public boolean bool(String column) {
        Object v = required(column);
        if (v instanceof Boolean b) {
            return b;
        }
        if (v instanceof Number n && (n.longValue() == 0 || n.longValue() == 1)) {
            return n.longValue() == 1;
        }
        throw new InvalidChangeException(table + "." + column + " is not a boolean: " + v);
    }

    /** The writer's instance name; Synapse leaves it NULL on rows written before instance names existed. */
    public String instance() {
        String s = textOrNull("instance_name");
        return s == null ? "master" : s;
    }
}
