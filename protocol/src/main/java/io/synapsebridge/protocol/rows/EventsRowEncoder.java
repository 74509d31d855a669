package io.synapsebridge.protocol.rows;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import java.io.IOException;
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
    public ArrayNode encode(NamedFields row) {
        String kind = kind(row);
        try {
            return JsonNodeFactory.instance.arrayNode(2).add(kind).add(kinds.get(kind).encode(row));
        } catch (RowEncodingException e) {
            throw new RowEncodingException("kind '" + kind + "': " + e.getMessage());
        }
    }

    @Override
    public void write(NamedFields row, JsonGenerator out) throws IOException {
        String kind = kind(row);
        out.writeStartArray();
        out.writeString(kind);
        try {
            kinds.get(kind).write(row, out);
        } catch (RowEncodingException e) {
            throw new RowEncodingException("kind '" + kind + "': " + e.getMessage());
        }
        out.writeEndArray();
    }

    @Override
    public boolean writeVerbatim(RawFields row, VerbatimJson out) {
        int kind = row.indexOf(KIND);
        if (kind < 0 || row.kind(kind) != RawFields.Kind.STRING) {
            return false;
        }
        for (Map.Entry<String, RowEncoder> layout : kinds.entrySet()) {
            if (row.contentEquals(kind, layout.getKey())) {
                out.append((byte) '[');
                row.copyValue(kind, out);
                out.append((byte) ',');
                if (!layout.getValue().writeVerbatim(row, out)) {
                    return false;
                }
                out.append((byte) ']');
                return true;
            }
        }
        return false;
    }

    /** The row's kind, one this version has. */
    private String kind(NamedFields row) {
        JsonNode kind = row.get(KIND);
        if (kind == null || !kind.isTextual()) {
            throw new RowEncodingException("field '" + KIND + "' must be a string, one of " + kinds.keySet());
        }
        if (!kinds.containsKey(kind.textValue())) {
            throw new RowEncodingException("kind '" + kind.textValue() + "' does not exist in this version, "
                    + "expected one of " + kinds.keySet());
        }
        return kind.textValue();
    }
}
