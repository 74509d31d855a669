package io.synapsebridge.contract;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;

/**
 * Reads and writes stream record values:
 * {@code {"type":"row","stream":"events","instance":"master","token":123,"row":{...}}},
 * {@code {"type":"position","stream":"events","instance":"master","token":130}} or
 * {@code {"type":"reset","stream":"typing","instance":"master","token":0,"run":1}}. {@code run} is written only
 * when it is not 0, so records of streams whose tokens never go back do not carry it.
 *
 * <p>Decoding validates every field: a record from Kafka is external input.
 */
public final class StreamRecordCodec {
    private final ObjectMapper mapper;

    public StreamRecordCodec(ObjectMapper mapper) {
        this.mapper = mapper;
    }

    public StreamRecordCodec() {
        this(new ObjectMapper());
    }

    public byte[] encode(StreamRecord record) {
        ObjectNode node = mapper.createObjectNode();
        node.put("type", record.type().wireName());
        node.put("stream", record.stream());
        node.put("instance", record.instance());
        node.put("token", record.token());
        if (record.run() != 0) {
            node.put("run", record.run());
        }
        if (record.row() != null) {
            node.set("row", record.row());
        }
        try {
            return mapper.writeValueAsBytes(node);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot encode record", e);
        }
    }

    /** @throws InvalidRecordException with the reason when the value is not a valid stream record */
    public StreamRecord decode(byte[] value) {
        if (value == null) {
            throw new InvalidRecordException("record has no value");
        }
        return decode(value, 0, value.length);
    }

    /**
     * Decodes the value in {@code value}'s remaining bytes without copying them where it can.
     *
     * @throws InvalidRecordException with the reason when the value is not a valid stream record
     */
    public StreamRecord decode(ByteBuffer value) {
        if (value == null) {
            throw new InvalidRecordException("record has no value");
        }
        if (value.hasArray()) {
            return decode(value.array(), value.arrayOffset() + value.position(), value.remaining());
        }
        byte[] copy = new byte[value.remaining()];
        value.duplicate().get(copy);
        return decode(copy);
    }

    private StreamRecord decode(byte[] value, int offset, int length) {
        JsonNode node;
        try {
            node = mapper.readTree(value, offset, length);
        } catch (IOException e) {
            throw new InvalidRecordException("value is not JSON: " + e.getMessage().lines().findFirst().orElse(""));
        }
        if (node == null || !node.isObject()) {
            throw new InvalidRecordException("value is not a JSON object: " + abbreviate(value, offset, length));
        }
        try {
            StreamRecord.Type type = StreamRecord.Type.fromWireName(text(node, "type"));
            JsonNode token = node.get("token");
            if (token == null || !token.isIntegralNumber() || !token.canConvertToLong()) {
                throw new InvalidRecordException("field 'token' must be an integer");
            }
            JsonNode run = node.get("run");
            if (run != null && (!run.isIntegralNumber() || !run.canConvertToLong())) {
                throw new InvalidRecordException("field 'run' must be an integer");
            }
            JsonNode row = node.get("row");
            if (type == StreamRecord.Type.ROW && (row == null || !row.isObject())) {
                throw new InvalidRecordException("field 'row' must be an object in a row record");
            }
            return new StreamRecord(type, text(node, "stream"), text(node, "instance"), token.asLong(),
                    type == StreamRecord.Type.ROW ? (ObjectNode) row : null, run == null ? 0 : run.asLong());
        } catch (InvalidRecordException e) {
            throw e;
        } catch (IllegalArgumentException e) {
            throw new InvalidRecordException(e.getMessage());
        }
    }

    private static String text(JsonNode node, String field) {
        JsonNode v = node.get(field);
        if (v == null || !v.isTextual()) {
            throw new InvalidRecordException("field '" + field + "' must be a string");
        }
        return v.asText();
    }

    private static String abbreviate(byte[] value, int offset, int length) {
        String s = new String(value, offset, length, StandardCharsets.UTF_8);
        return s.length() > 80 ? s.substring(0, 80) + "..." : s;
    }
}
