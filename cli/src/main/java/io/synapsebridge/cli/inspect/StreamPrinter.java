package io.synapsebridge.cli.inspect;

import io.synapsebridge.contract.StreamRecord;
import io.synapsebridge.protocol.command.Dialect;
import io.synapsebridge.protocol.command.PositionCommand;
import io.synapsebridge.protocol.command.RdataCommand;
import io.synapsebridge.protocol.rows.StreamCatalog;
import java.util.HashMap;
import java.util.Map;

/**
 * A stream record as the replication line a worker would get: RDATA with the row in the emulated version's layout,
 * POSITION when the frontier moved without rows or the writer's tokens went back (a reset). Unlike the server, every row carries its own token (no
 * {@code batch}), so that each line stands alone.
 */
public final class StreamPrinter {
    private final StreamCatalog catalog;
    private final Dialect dialect;
    private final Map<String, Long> lastToken = new HashMap<>();

    public StreamPrinter(StreamCatalog catalog, Dialect dialect) {
        this.catalog = catalog;
        this.dialect = dialect;
    }

    /** The line, or null for a record with nothing to say (a POSITION that does not move). */
    public String line(StreamRecord record) {
        Long previous = lastToken.put(record.instance(), record.token());
        if (record.isRow()) {
            return dialect.format(RdataCommand.of(record.stream(), record.instance(), record.token(),
                    catalog.encodeRow(record)));
        }
        if (record.isReset()) {
            // As the server announces a reset: the writer's lower token.
            return dialect.format(PositionCommand.announce(record.stream(), record.instance(), record.token()));
        }
        if (previous != null && previous >= record.token()) {
            return null;
        }
        long prev = previous == null ? record.token() : previous;
        return dialect.format(new PositionCommand(record.stream(), record.instance(), prev, record.token()));
    }
}
