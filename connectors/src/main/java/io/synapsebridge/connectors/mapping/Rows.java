package io.synapsebridge.connectors.mapping;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;

/** Building named-field stream rows from columns. */
final class Rows {
    private static final ObjectMapper JSON = new ObjectMapper();

    private Rows() {
    }

    static ObjectNode object() {
        return JsonNodeFactory.instance.objectNode();
    }

    /** A text column that holds a JSON object (Synapse stores JSON as text). */
    static ObjectNode jsonObject(ChangeRow change, String column) {
        String text = change.text(column);
        try {
            JsonNode node = JSON.readTree(text);
            if (node == null || !node.isObject()) {
                throw new InvalidChangeException(change.table() + "." + column + " is not a JSON object");
            }
            return (ObjectNode) node;
        } catch (IOException e) {
            throw new InvalidChangeException(change.table() + "." + column + " is not valid JSON: "
                    + e.getMessage().lines().findFirst().orElse(""));
        }
    }
}
