package io.synapsebridge.adapter.source;

import io.synapsebridge.contract.StreamRecord;

/**
 * A stream record as the tail hands it on: where it stands in its stream and, for a row, the row already laid out as
 * the RDATA JSON of the emulated Synapse version.
 *
 * @param rowJson the row's wire JSON; null for a position record, and for a row that cannot be laid out (it was
 *                logged and is not sent)
 */
public record TailRecord(StreamRecord.Type type, String stream, String instance, long token, String rowJson) {

    public boolean isRow() {
        return type == StreamRecord.Type.ROW;
    }
}
