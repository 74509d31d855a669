package io.synapsebridge.connectors.mapping;

import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** Finds the mapper of a captured table. */
public final class TableRouter {
    private final Map<String, TableMapper> byTable = new HashMap<>();
    private final List<TableMapper> mappers;

    public TableRouter(List<TableMapper> mappers) {
        this.mappers = List.copyOf(mappers);
        for (TableMapper m : mappers) {
            for (String table : m.tables()) {
                TableMapper previous = byTable.putIfAbsent(table, m);
                if (previous != null) {
                    throw new IllegalArgumentException("table " + table + " is mapped twice: by "
                            + previous.getClass().getSimpleName() + " and " + m.getClass().getSimpleName());
                }
            }
        }
    }

    /** The mapper of {@code table}, or null when the table is not captured. */
    public TableMapper mapperOf(String table) {
        return byTable.get(table);
    }

    public Set<String> tables() {
        return Set.copyOf(byTable.keySet());
    }

    public Collection<TableMapper> mappers() {
        return mappers;
    }

    public void endTransaction() {
        mappers.forEach(TableMapper::endTransaction);
    }
}
