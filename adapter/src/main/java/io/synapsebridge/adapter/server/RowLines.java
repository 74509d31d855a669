package io.synapsebridge.adapter.server;

import io.synapsebridge.adapter.source.RowLayout;
import io.synapsebridge.adapter.source.TailRecord;
import io.synapsebridge.contract.StreamRecord;
import io.synapsebridge.protocol.Lines;
import io.synapsebridge.protocol.command.Command;
import io.synapsebridge.protocol.command.Dialect;
import io.synapsebridge.protocol.command.RdataCommand;
import io.synapsebridge.protocol.json.InvalidJsonException;
import io.synapsebridge.protocol.rows.NamedFields;
import io.synapsebridge.protocol.rows.RawFields;
import io.synapsebridge.protocol.rows.VerbatimJson;
import io.synapsebridge.protocol.rows.RowEncodingException;
import io.synapsebridge.protocol.rows.StreamCatalog;
import java.util.OptionalLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Turns stream records into replication lines the way every sender of the server does: rows the emulated Synapse
 * release cannot lay out are skipped, and lines longer than Synapse accepts are dropped, both logged and counted.
 */
final class RowLines implements RowLayout {
    private static final Logger LOG = LoggerFactory.getLogger(RowLines.class);

    private final StreamCatalog catalog;
    private final ServerMetrics metrics;

    RowLines(StreamCatalog catalog, ServerMetrics metrics) {
        this.catalog = catalog;
        this.metrics = metrics;
    }

    /** RDATA for a row, as {@code batch} when another row of its group follows; null if it cannot be encoded. */
    RdataCommand rdata(StreamRecord record, boolean batch) {
        return rdata(record.stream(), record.instance(), record.token(),
                rowJson(record.stream(), record.instance(), record.token(), NamedFields.of(record.row())), batch);
    }

    /** RDATA for a row the tail has laid out already; null if it could not be. */
    RdataCommand rdata(TailRecord record, boolean batch) {
        return rdata(record.stream(), record.instance(), record.token(), record.rowJson(), batch);
    }

    private static RdataCommand rdata(String stream, String instance, long token, String rowJson, boolean batch) {
        return rowJson == null ? null
                : new RdataCommand(stream, instance, batch ? OptionalLong.empty() : OptionalLong.of(token), rowJson);
    }

    /** The row's wire JSON for the emulated release, or null (logged and counted) if it cannot be laid out. */
    @Override
    public String rowJson(String stream, String instance, long token, NamedFields row) {
        try {
            return catalog.rowJson(stream, row);
        } catch (RowEncodingException | InvalidJsonException e) {
            metrics.rowSkipped(stream);
            LOG.warn("skipping row {}/{}/{}: {}", stream, instance, token, e.getMessage());
            return null;
        }
    }

    @Override
    public String verbatimRowJson(String stream, RawFields row, VerbatimJson scratch) {
        return catalog.verbatimRowJson(stream, row, scratch);
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
