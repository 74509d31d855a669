package io.synapsebridge.connectors.sequencing;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.synapsebridge.contract.StreamRecord;

/** A stream row built from a captured change, waiting until its writer's frontier covers its token. */
public record CapturedRow(String stream, String instance, long token, ObjectNode row, SourcePosition source) {

    StreamRecord toRecord() {
        return StreamRecord.row(stream, instance, token, row);
    }
}
