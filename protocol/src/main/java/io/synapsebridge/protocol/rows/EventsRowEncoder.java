package io.synapsebridge.protocol.rows;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Map;

/**
 * The {@code events} stream's typed rows: the topic row's {@code kind} field picks the layout, and the wire row is
 * {@code [kind, [fields...]]}, e.g. {@code ["ev",[...]]}.
 */
final class EventsRowEncoder implements RowEncoder {
    static final String KIND = "kind";

    private final Map<String, RowEncoder> kinds;

    EventsRowEncoder(Map<String, RowEncoder> kinds) {
        this.kinds = Map.copyOf(kinds);
    }

    @Override
    public ArrayNode encode(ObjectNode row) {
        JsonNode kind = row.get(KIND);
        if (kind == null || !kind.isTextual()) {
            throw new RowEncodingException("field '" + KIND + "' must be a string, one of " + kinds.keySet());
        }
        RowEncoder encoder = kinds.get(kind.textValue());
        if (encoder == null) {
            throw new RowEncodingException("kind '" + kind.textValue() + "' does not exist in this version, "
                    + "expected one of " + kinds.keySet());
        }
        try {
            return JsonNodeFactory.instance.arrayNode(2).add(kind).add(encoder.encode(row));
        } catch (RowEncodingException e) {
            throw new RowEncodingException("kind '" + kind.textValue() + "': " + e.getMessage());
        }
    }
}
