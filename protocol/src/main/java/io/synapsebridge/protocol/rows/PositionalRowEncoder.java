package io.synapsebridge.protocol.rows;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
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
    public ArrayNode encode(ObjectNode row) {
        ArrayNode out = JsonNodeFactory.instance.arrayNode(fields.size());
        for (Field field : fields) {
            out.add(field.read(row));
        }
        return out;
    }
}
