package io.synapsebridge.connectors.publish;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.synapsebridge.connectors.mapping.ChangeRow;
import java.io.IOException;
import java.util.Base64;
import java.util.Map;

/** A captured change that could not be mapped, with the reason: published so that nothing is lost silently. */
public record DeadLetter(ChangeRow change, String reason) {
    private static final ObjectMapper JSON = new ObjectMapper();

    /** {@code {"table":..,"reason":..,"lsn":..,"txid":..,"row":{column:value}}}; bytes are base64. */
    public byte[] encode() {
        ObjectNode root = JSON.createObjectNode();
        root.put("table", change.table());
        root.put("operation", change.operation().name().toLowerCase(java.util.Locale.ROOT));
        root.put("reason", reason);
        if (change.source() != null) {
            root.put("lsn", Long.toUnsignedString(change.source().lsn()));
            root.put("txid", change.source().txId());
        }
        ObjectNode row = root.putObject("row");
        for (Map.Entry<String, Object> e : change.after().entrySet()) {
            Object v = e.getValue();
            row.set(e.getKey(), JSON.valueToTree(v instanceof byte[] b ? Base64.getEncoder().encodeToString(b) : v));
        }
        try {
            return JSON.writeValueAsBytes(root);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
