package io.synapsebridge.protocol.command;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;

/** Server commands every dialect test formats. */
final class DialectSamples {
    static final RdataCommand ROW = RdataCommand.of("typing", "master", 12,
            JsonNodeFactory.instance.arrayNode().add("!r:example.com").add(JsonNodeFactory.instance.arrayNode()));
    static final RdataCommand BATCH_ROW = RdataCommand.batch("typing", "master",
            JsonNodeFactory.instance.arrayNode().add("!r:example.com").add(JsonNodeFactory.instance.arrayNode()));
    static final PositionCommand POSITION = new PositionCommand("events", "master", 4711, 4720);

    private DialectSamples() {
    }
}
