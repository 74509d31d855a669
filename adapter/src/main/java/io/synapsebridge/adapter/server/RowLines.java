package io.synapsebridge.adapter.server;

import io.synapsebridge.contract.StreamRecord;
import io.synapsebridge.protocol.Lines;
import io.synapsebridge.protocol.command.Command;
import io.synapsebridge.protocol.command.Dialect;
import io.synapsebridge.protocol.command.RdataCommand;
import io.synapsebridge.protocol.json.SynapseJson;
import io.synapsebridge.protocol.rows.RowEncodingException;
import io.synapsebridge.protocol.rows.StreamCatalog;
import java.util.OptionalLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Turns stream records into replication lines the way every sender of the server does: rows the emulated Synapse
 * release cannot lay out are skipped, and lines longer than Synapse accepts are dropped, both logged and counted.
 */
final class RowLines {
    private static final Logger LOG = LoggerFactory.getLogger(RowLines.class);

    private final StreamCatalog catalog;
    private final ServerMetrics metrics;

    RowLines(StreamCatalog catalog, ServerMetrics metrics) {
        this.catalog = catalog;
        this.metrics = metrics;
    }

    /** RDATA for a row, as {@code batch} when another row of its group follows; null if it cannot be encoded. */
    RdataCommand rdata(StreamRecord record, boolean batch) {
        String rowJson;
        try {
            rowJson = SynapseJson.encode(catalog.encodeRow(record));
        } catch (RowEncodingException e) {
            metrics.rowSkipped(record.stream());
            LOG.warn("skipping row {}/{}/{}: {}", record.stream(), record.instance(), record.token(), e.getMessage());
            return null;
        }
        return new RdataCommand(record.stream(), record.instance(),
                batch ? OptionalLong.empty() : OptionalLong.of(record.token()), rowJson);
    }

    /** The line for {@code command} in {@code dialect}, or null if it is too long to send. */
    String line(Dialect dialect, Command command) {
        String line = dialect.format(command);
        if (!Lines.fits(line)) {
            metrics.oversizeDropped(command.type().wireName());
            LOG.warn("not sending a {} line of {} bytes: over Synapse's limit of {}", command.type().wireName(),
                    Lines.utf8Length(line), Lines.MAX_LINE_BYTES);
            return null;
        }
        return line;
    }
}
