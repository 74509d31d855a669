package io.synapsebridge.connectors.mapping;

import io.synapsebridge.connectors.sequencing.CapturedRow;

/** Where a {@link TableMapper} puts what it made of a change. */
public interface MappingSink {
    /** A stream row, to be held until its writer's frontier covers it. */
    void row(CapturedRow row);

    /** Writer {@code instance} says every one of its rows of {@code stream} at or below {@code token} is committed. */
    void frontier(String stream, String instance, long token);
}
