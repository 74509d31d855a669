package io.synapsebridge.connectors.memory;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The rows of Synapse v1.66's in-memory streams, turned from the positional arrays the writer sends in RDATA into the
 * named fields of the topic contract. A row of the wrong shape is refused with the reason: it comes from the network.
 */
public final class MemoryRows {
    private enum Kind {
        STRING, STRING_ARRAY, OBJECT
    }

    private record Field(String name, Kind kind) {
    }

    private static final Map<String, List<Field>> V1_66 = Map.of(
            "typing", List.of(new Field("room_id", Kind.STRING), new Field("user_ids", Kind.STRING_ARRAY)),
            "presence_federation", List.of(new Field("destination", Kind.STRING), new Field("user_id", Kind.STRING)),
            "federation", List.of(new Field("type", Kind.STRING), new Field("data", Kind.OBJECT)));

    private MemoryRows() {
    }

    /** The in-memory streams of v1.66: their tokens live in the writer's memory and restart with it. */
    public static Set<String> streams() {
        return V1_66.keySet();
    }

    /**
     * The named row for a positional RDATA row of {@code stream}.
     *
     * @throws IllegalArgumentException naming the stream and field, if the row does not have the stream's shape
     */
    public static ObjectNode named(String stream, JsonNode positional) {
        List<Field> fields = V1_66.get(stream);
        if (fields == null) {
            throw new IllegalArgumentException("'" + stream + "' is not an in-memory stream");
        }
        if (positional == null || !positional.isArray() || positional.size() != fields.size()) {
            throw new IllegalArgumentException(stream + " row must be an array of " + fields.size() + " fields, got "
                    + positional);
        }
        ObjectNode row = JsonNodeFactory.instance.objectNode();
        for (int i = 0; i < fields.size(); i++) {
            Field f = fields.get(i);
            JsonNode value = positional.get(i);
            if (!fits(f.kind(), value)) {
                throw new IllegalArgumentException(stream + " field " + f.name() + " must be "
                        + f.kind().name().toLowerCase().replace('_', ' ') + ", got " + value);
            }
            row.set(f.name(), value);
        }
        return row;
    }

    private static boolean fits(Kind kind, JsonNode value) {
        return switch (kind) {
            case STRING -> value.isTextual();
            case OBJECT -> value.isObject();
            case STRING_ARRAY -> {
                if (!value.isArray()) {
                    yield false;
                }
                for (JsonNode element : value) {
                    if (!element.isTextual()) {
                        yield false;
                    }
                }
                yield true;
            }
        };
    }
}
