package io.synapsebridge.connectors.mapping;

import io.synapsebridge.connectors.sequencing.SourcePosition;
import java.util.HashMap;
import java.util.Map;

/** Captured changes built from column name/value pairs (values may be null, as SQL NULL). */
final class Changes {
    private static long lsn = 1000;

    private Changes() {
    }

    static ChangeRow insert(String table, Object... columnsAndValues) {
        return change(table, ChangeRow.Operation.INSERT, columnsAndValues);
    }

    static ChangeRow update(String table, Object... columnsAndValues) {
        return change(table, ChangeRow.Operation.UPDATE, columnsAndValues);
    }

    /** The same change without {@code column} (a column the table does not have, or capture left out). */
    static ChangeRow without(ChangeRow change, String column) {
        Map<String, Object> after = new HashMap<>(change.after());
        after.remove(column);
        return new ChangeRow(change.table(), change.operation(), after, change.source());
    }

    /** The same change with {@code column} set to {@code value}. */
    static ChangeRow with(ChangeRow change, String column, Object value) {
        Map<String, Object> after = new HashMap<>(change.after());
        after.put(column, value);
        return new ChangeRow(change.table(), change.operation(), after, change.source());
    }

    private static ChangeRow change(String table, ChangeRow.Operation op, Object... columnsAndValues) {
        if (columnsAndValues.length % 2 != 0) {
            throw new IllegalArgumentException("columns and values must pair up");
        }
        Map<String, Object> after = new HashMap<>();
        for (int i = 0; i < columnsAndValues.length; i += 2) {
            after.put((String) columnsAndValues[i], columnsAndValues[i + 1]);
        }
        return new ChangeRow(table, op, after, new SourcePosition(lsn++, 77));
    }
}
