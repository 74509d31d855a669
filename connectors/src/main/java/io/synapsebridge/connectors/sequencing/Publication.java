package io.synapsebridge.connectors.sequencing;

import io.synapsebridge.contract.StreamRecord;

/**
 * A record that may be published now, with the source position of the change it came from (null for a position
 * record, which no single change produced).
 */
public record Publication(StreamRecord record, SourcePosition source) {
}
