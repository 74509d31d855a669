package io.synapsebridge.connectors.mapping;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.BooleanNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * One event's stream rows made in the current transaction, and what the transaction has told about the event so
 * far. Synapse writes the tables joined into an event's row in the same transaction as the event, mostly after it,
 * so a fact may come before or after the row that needs it: each fact goes into every row that has the field
 * (backfill rows have no membership, for instance). The rows are the ones the sequencer holds, so filling them in
 * before the transaction ends is enough.
 */
final class PendingEvent {
    private final List<ObjectNode> rows = new ArrayList<>(1);
    private final ObjectNode facts = Rows.object();

    void add(ObjectNode row) {
        rows.add(row);
        for (Map.Entry<String, JsonNode> fact : facts.properties()) {
            fill(row, fact.getKey(), fact.getValue());
        }
    }

    /** A text field of the event; null tells nothing (a joined table without a row). */
    void learn(String field, String value) {
        if (value != null) {
            learn(field, TextNode.valueOf(value));
        }
    }

    /** The event was rejected; a transaction never says it was not. */
    void learnRejected() {
        learn("rejected", BooleanNode.TRUE);
    }

    private void learn(String field, JsonNode value) {
        facts.set(field, value);
        for (ObjectNode row : rows) {
            fill(row, field, value);
        }
    }

    private static void fill(ObjectNode row, String field, JsonNode value) {
        if (row.has(field)) {
            row.set(field, value);
        }
    }
}
