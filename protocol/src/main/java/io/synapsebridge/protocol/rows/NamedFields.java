package io.synapsebridge.protocol.rows;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * A topic row's named fields, however they were read: a Jackson tree ({@link #of(ObjectNode)}) or the flat fields
 * a streaming reader collected.
 */
@FunctionalInterface
public interface NamedFields {
    /** The field's value, or null if the row has no such field. */
    JsonNode get(String name);

    static NamedFields of(ObjectNode row) {
        return row::get;
    }
}
