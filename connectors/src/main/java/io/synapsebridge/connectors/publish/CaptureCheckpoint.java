package io.synapsebridge.connectors.publish;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.synapsebridge.connectors.sequencing.SourcePosition;
import java.io.IOException;
import java.util.HashMap;
import java.util.Map;

/**
 * What capture had published when it last wrote to Kafka: each writer's published frontier per stream, and how far
 * in the WAL capture had read by then. Written in the same Kafka transaction as the records it describes, so after
 * a crash it is exactly as true as the topics are.
 */
public record CaptureCheckpoint(Map<String, Map<String, Long>> published, SourcePosition capturedUpTo) {
    public static final CaptureCheckpoint EMPTY = new CaptureCheckpoint(Map.of(), null);

    private static final ObjectMapper JSON = new ObjectMapper();

    public byte[] encode() {
        ObjectNode root = JSON.createObjectNode();
        ObjectNode streams = root.putObject("published");
        published.forEach((stream, writers) -> {
            ObjectNode w = streams.putObject(stream);
            writers.forEach(w::put);
        });
        if (capturedUpTo != null) {
            root.putObject("captured_up_to").put("lsn", capturedUpTo.lsn()).put("txid", capturedUpTo.txId());
        }
        try {
            return JSON.writeValueAsBytes(root);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    public static CaptureCheckpoint decode(byte[] value) {
        try {
            JsonNode root = JSON.readTree(value);
            Map<String, Map<String, Long>> published = new HashMap<>();
            root.path("published").fields().forEachRemaining(s -> {
                Map<String, Long> writers = new HashMap<>();
                s.getValue().fields().forEachRemaining(w -> writers.put(w.getKey(), w.getValue().asLong()));
                published.put(s.getKey(), writers);
            });
            JsonNode c = root.get("captured_up_to");
            SourcePosition capturedUpTo = c == null ? null
                    : new SourcePosition(c.get("lsn").asLong(), c.get("txid").asLong());
            return new CaptureCheckpoint(published, capturedUpTo);
        } catch (IOException | RuntimeException e) {
            throw new IllegalStateException("capture checkpoint is unreadable: " + e.getMessage(), e);
        }
    }
}
