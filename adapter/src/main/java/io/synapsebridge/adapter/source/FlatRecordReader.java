package io.synapsebridge.adapter.source;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.BigIntegerNode;
import com.fasterxml.jackson.databind.node.BooleanNode;
import com.fasterxml.jackson.databind.node.DoubleNode;
import com.fasterxml.jackson.databind.node.IntNode;
import com.fasterxml.jackson.databind.node.LongNode;
import com.fasterxml.jackson.databind.node.NullNode;
import com.fasterxml.jackson.databind.node.TextNode;
import io.synapsebridge.contract.InstanceNames;
import io.synapsebridge.contract.StreamNames;
import io.synapsebridge.contract.StreamRecord;
import io.synapsebridge.protocol.rows.NamedFields;
import java.io.IOException;
import java.util.Arrays;

/**
 * Reads a stream record value in one streaming pass, keeping the row's fields flat instead of building a tree: the
 * tail reads every record of every stream, and building the tree was most of its work.
 *
 * <p>Only a well-formed record is read here; for anything else {@link #read} answers null and the caller decodes the
 * value with the contract's codec, which names what is wrong. Not thread-safe: one per reading thread.
 */
final class FlatRecordReader {
    private final ObjectMapper mapper = new ObjectMapper();
    private final FlatRow row = new FlatRow();

    /** A well-formed record; {@code row} is this reader's, valid until the next read. */
    record FlatRecord(StreamRecord.Type type, String stream, String instance, long token, NamedFields row) {
    }

    /** The record in {@code value[offset, offset + length)}, or null if it is not a well-formed stream record. */
    FlatRecord read(byte[] value, int offset, int length) {
        try (JsonParser p = mapper.createParser(value, offset, length)) {
            return read(p);
        } catch (IOException | IllegalArgumentException e) {
            return null;
        }
    }

    private FlatRecord read(JsonParser p) throws IOException {
        if (p.nextToken() != JsonToken.START_OBJECT) {
            return null;
        }
        String type = null;
        String stream = null;
        String instance = null;
        long token = 0;
        boolean hasRow = false;
        row.clear();
        while (p.nextToken() == JsonToken.FIELD_NAME) {
            String name = p.currentName();
            JsonToken value = p.nextToken();
            switch (name) {
                case "type" -> type = value == JsonToken.VALUE_STRING ? p.getText() : null;
                case "stream" -> stream = value == JsonToken.VALUE_STRING ? p.getText() : null;
                case "instance" -> instance = value == JsonToken.VALUE_STRING ? p.getText() : null;
                case "token" -> {
                    if (value != JsonToken.VALUE_NUMBER_INT || p.getNumberType() == JsonParser.NumberType.BIG_INTEGER) {
                        return null;
                    }
                    token = p.getLongValue();
                }
                case "row" -> {
                    if (value != JsonToken.START_OBJECT || !readRow(p)) {
                        return null;
                    }
                    hasRow = true;
                }
                default -> p.skipChildren();
            }
        }
        StreamRecord.Type recordType;
        try {
            recordType = StreamRecord.Type.fromWireName(type);
            StreamNames.requireValid(stream);
            InstanceNames.requireValid(instance);
        } catch (IllegalArgumentException e) {
            return null;
        }
        if (token <= 0 || hasRow != (recordType == StreamRecord.Type.ROW)) {
            return null;
        }
        return new FlatRecord(recordType, stream, instance, token, hasRow ? row : null);
    }

    /** Reads the row object's fields; false if a value is one the flat form does not keep. */
    private boolean readRow(JsonParser p) throws IOException {
        row.clear();
        while (p.nextToken() == JsonToken.FIELD_NAME) {
            String name = p.currentName();
            JsonNode value = switch (p.nextToken()) {
                case VALUE_STRING -> TextNode.valueOf(p.getText());
                case VALUE_NUMBER_INT -> switch (p.getNumberType()) {
                    case INT -> IntNode.valueOf(p.getIntValue());
                    case LONG -> LongNode.valueOf(p.getLongValue());
                    default -> BigIntegerNode.valueOf(p.getBigIntegerValue());
                };
                case VALUE_NUMBER_FLOAT -> DoubleNode.valueOf(p.getDoubleValue());
                case VALUE_TRUE -> BooleanNode.TRUE;
                case VALUE_FALSE -> BooleanNode.FALSE;
                case VALUE_NULL -> NullNode.getInstance();
                case START_OBJECT, START_ARRAY -> mapper.readTree(p);
                default -> null;
            };
            if (value == null) {
                return false;
            }
            row.put(name, value);
        }
        return true;
    }

    /** A row's fields in the order read; a repeated name takes its last value, as in a tree. */
    private static final class FlatRow implements NamedFields {
        private String[] names = new String[16];
        private JsonNode[] values = new JsonNode[16];
        private int size;

        void clear() {
            Arrays.fill(values, 0, size, null);
            size = 0;
        }

        void put(String name, JsonNode value) {
            for (int i = 0; i < size; i++) {
                if (names[i].equals(name)) {
                    values[i] = value;
                    return;
                }
            }
            if (size == names.length) {
                names = Arrays.copyOf(names, size * 2);
                values = Arrays.copyOf(values, size * 2);
            }
            names[size] = name;
            values[size++] = value;
        }

        @Override
        public JsonNode get(String name) {
            for (int i = 0; i < size; i++) {
                if (names[i].equals(name)) {
                    return values[i];
                }
            }
            return null;
        }
    }
}
