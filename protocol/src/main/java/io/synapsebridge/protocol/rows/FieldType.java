package io.synapsebridge.protocol.rows;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.BooleanNode;
import com.fasterxml.jackson.databind.node.TextNode;
import io.synapsebridge.protocol.json.SynapseJson;

/** The JSON type of a row field, and how a topic value becomes the wire value. */
enum FieldType {
    STRING("a string") {
        @Override
        JsonNode toWire(JsonNode value) {
            return value.isTextual() ? value : null;
        }
    },
    INTEGER("a 64-bit integer") {
        @Override
        JsonNode toWire(JsonNode value) {
            return value.isIntegralNumber() && value.canConvertToLong() ? value : null;
        }
    },
    /** Also takes 0 and 1, which booleans read from SQLite are. */
    BOOLEAN("a boolean") {
        @Override
        JsonNode toWire(JsonNode value) {
            if (value.isBoolean()) {
                return value;
            }
            boolean bit = value.isIntegralNumber() && value.canConvertToLong()
                    && (value.longValue() == 0 || value.longValue() == 1);
            return bit ? BooleanNode.valueOf(value.longValue() == 1) : null;
        }
    },
    STRING_ARRAY("an array of strings") {
        @Override
        JsonNode toWire(JsonNode value) {
            if (!value.isArray()) {
                return null;
            }
            for (JsonNode element : value) {
                if (!element.isTextual()) {
                    return null;
                }
            }
            return value;
        }
    },
    OBJECT("a JSON object") {
        @Override
        JsonNode toWire(JsonNode value) {
            return value.isObject() ? value : null;
        }
    },
    /** An object in the topic that Synapse sends as a string holding its JSON text. */
    OBJECT_AS_JSON_TEXT("a JSON object") {
        @Override
        JsonNode toWire(JsonNode value) {
            return value.isObject() ? TextNode.valueOf(SynapseJson.encode(value)) : null;
        }
    };

    private final String description;

    FieldType(String description) {
        this.description = description;
    }

    String description() {
        return description;
    }

    /** The wire value for a non-null topic value, or null if the value has the wrong type. */
    abstract JsonNode toWire(JsonNode value);
}
