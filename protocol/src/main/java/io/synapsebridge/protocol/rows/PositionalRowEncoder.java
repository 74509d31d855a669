package io.synapsebridge.protocol.rows;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import io.synapsebridge.protocol.json.SynapseJson;
import java.io.IOException;
import java.util.List;

/** Writes the listed fields, in order, as a flat array: the layout of every stream but {@code events}. */
final class PositionalRowEncoder implements RowEncoder {
    private final List<Field> fields;

    PositionalRowEncoder(List<Field> fields) {
        this.fields = List.copyOf(fields);
    }

    static PositionalRowEncoder of(Field... fields) {
        return new PositionalRowEncoder(List.of(fields));
    }

    @Override
    public ArrayNode encode(NamedFields row) {
        ArrayNode out = JsonNodeFactory.instance.arrayNode(fields.size());
        for (Field field : fields) {
            out.add(field.read(row));
        }
        return out;
    }

    @Override
    public void write(NamedFields row, JsonGenerator out) throws IOException {
        out.writeStartArray();
        for (Field field : fields) {
            SynapseJson.write(field.read(row), out);
        }
        out.writeEndArray();
    }

    @Override
    public boolean writeVerbatim(RawFields row, VerbatimJson out) {
        out.append((byte) '[');
        for (int i = 0; i < fields.size(); i++) {
            if (i > 0) {
                out.append((byte) ',');
            }
            if (!fields.get(i).copyVerbatim(row, out)) {
                return false;
            }
        }
        out.append((byte) ']');
        return true;
    }
}
