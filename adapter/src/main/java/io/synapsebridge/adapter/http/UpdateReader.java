package io.synapsebridge.adapter.http;

import io.synapsebridge.contract.StreamRecord;
import io.synapsebridge.protocol.catchup.StreamUpdates;
import io.synapsebridge.protocol.rows.RowEncodingException;
import io.synapsebridge.protocol.rows.StreamCatalog;
import java.util.ArrayList;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Synapse's update function over a stream topic: one writer's rows in {@code (from, upto]}, at most about
 * {@code rowLimit} of them, never cutting the group of rows that share a token (spec §5.2).
 */
final class UpdateReader {
    private static final Logger LOG = LoggerFactory.getLogger(UpdateReader.class);

    private final StreamCatalog catalog;
    private final TokenSeeker seeker;
    private final int rowLimit;

    UpdateReader(StreamCatalog catalog, TokenSeeker seeker, int rowLimit) {
        this.catalog = catalog;
        this.seeker = seeker;
        this.rowLimit = rowLimit;
    }

    /**
     * The rows of {@code instance} with {@code from < token <= upto}, in its latest run. When the next group would take the answer
     * past the limit it stops before that group, with {@code limited} and {@code upto_token} the last token
     * returned. A first group larger than the limit is returned whole, so that the caller always makes progress.
     */
    StreamUpdates read(StreamLog log, String instance, long from, long upto) {
        if (from >= upto) {
            return StreamUpdates.none(upto);
        }
        Window window = new Window(from);
        long offset = seeker.firstOffsetAbove(log, instance, from);
        while (offset < log.endOffset() && !window.done) {
            LogBatch batch = log.fetch(offset);
            for (LogBatch.Entry entry : batch.entries()) {
                if (entry.record().instance().equals(instance)) {
                    window.accept(entry, upto);
                    if (window.done) {
                        break;
                    }
                }
            }
            offset = batch.nextOffset();
        }
        return window.finish(upto);
    }

    /** The rows collected so far, by complete token group. */
    private final class Window {
        private final long from;
        private final List<StreamUpdates.Update> complete = new ArrayList<>();
        private final List<StreamUpdates.Update> group = new ArrayList<>();
        private long groupToken;
        private long lastCompleteToken;
        private boolean limited;
        private boolean done;

        Window(long from) {
            this.from = from;
            this.lastCompleteToken = from;
        }

        void accept(LogBatch.Entry entry, long upto) {
            StreamRecord record = entry.record();
            long token = record.token();
            if (token <= from) {
                return;
            }
            if (token > upto) {
                done = true;
                return;
            }
            if (token != groupToken) {
                closeGroup();
                if (done) {
                    return;
                }
                groupToken = token;
            }
            if (record.isRow()) {
                try {
                    group.add(new StreamUpdates.Update(token, catalog.encodeRow(record)));
                } catch (RowEncodingException e) {
                    LOG.warn("skipping row at offset {}: {}", entry.offset(), e.getMessage());
                }
            }
        }

        private void closeGroup() {
            if (group.isEmpty()) {
                return;
            }
            if (!complete.isEmpty() && complete.size() + group.size() > rowLimit) {
                limited = true;
                done = true;
                return;
            }
            complete.addAll(group);
            lastCompleteToken = groupToken;
            group.clear();
        }

        StreamUpdates finish(long upto) {
            if (!limited) {
                closeGroup();
            }
            return limited
                    ? new StreamUpdates(complete, lastCompleteToken, true)
                    : new StreamUpdates(complete, upto, false);
        }
    }
}
