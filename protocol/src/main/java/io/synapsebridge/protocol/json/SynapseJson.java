package io.synapsebridge.protocol.json;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonFactoryBuilder;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.io.SegmentedStringWriter;
import com.fasterxml.jackson.core.util.BufferRecycler;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.SerializableString;
import com.fasterxml.jackson.core.io.CharacterEscapes;
import com.fasterxml.jackson.core.json.JsonWriteFeature;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Map;

/**
 * JSON as Synapse writes and reads it on the replication wire (its {@code json_encoder} / {@code json_decoder}).
 *
 * <p>Encoding: compact separators ({@code ,} and {@code :}, no spaces), keys in insertion order (not canonical JSON),
 * {@code ensure_ascii}: every character outside printable ASCII, DEL included, as a lower-case {@code \\uXXXX}
 * escape (surrogate pairs beyond the BMP), floats laid out as Python's {@code repr}, and no NaN or Infinity.
 *
 * <p>Decoding: any valid JSON value with any JSON whitespace around it; NaN, Infinity and trailing content are
 * rejected. Thread-safe.
 */
public final class SynapseJson {
    private static final JsonFactory FACTORY = new JsonFactoryBuilder()
            .enable(JsonWriteFeature.ESCAPE_NON_ASCII)
            .characterEscapes(new AsciiEscapes())
            .disable(JsonWriteFeature.WRITE_HEX_UPPER_CASE)
            .build();
    private static final ObjectMapper READER = JsonMapper.builder()
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
            .build();

    private SynapseJson() {
    }

    /** JSON's standard escapes plus DEL, which Python's {@code ensure_ascii} also escapes. */
    private static final class AsciiEscapes extends CharacterEscapes {
        private static final long serialVersionUID = 1L;
        private final int[] escapes = standardAsciiEscapesForJSON();

        AsciiEscapes() {
            escapes[0x7F] = ESCAPE_STANDARD;
        }

        @Override
        public int[] getEscapeCodesForAscii() {
            return escapes;
        }

        @Override
        public SerializableString getEscapeSequence(int ch) {
            return null;
        }
    }

    /**
     * Encodes {@code value} byte-for-byte as Synapse would.
     *
     * @throws InvalidJsonException if it contains NaN or an infinity (Synapse encodes with {@code allow_nan=False})
     */
    public static String encode(JsonNode value) {
        return encode(gen -> write(value, gen));
    }

    /** Something that writes one JSON value to a generator. */
    @FunctionalInterface
    public interface ValueWriter {
        void writeTo(JsonGenerator gen) throws IOException;
    }

    /**
     * The JSON text that {@code value} writes, byte-for-byte as Synapse would (the generator escapes as Synapse does;
     * values should go through {@link #write(JsonNode, JsonGenerator)}).
     */
    public static String encode(ValueWriter value) {
        // Jackson's recycled buffers, as ObjectMapper.writeValueAsString uses: every row sent is encoded here.
        BufferRecycler buffers = FACTORY._getBufferRecycler();
        try (SegmentedStringWriter out = new SegmentedStringWriter(buffers)) {
            try (JsonGenerator gen = FACTORY.createGenerator(out)) {
                value.writeTo(gen);
            }
            return out.getAndClear();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } finally {
            buffers.releaseToPool();
        }
    }

    /**
     * Decodes one JSON value.
     *
     * @throws InvalidJsonException with a one-line reason if {@code text} is not a single valid JSON value
     */
    public static JsonNode decode(String text) {
        JsonNode node;
        try {
            node = READER.readTree(text);
        } catch (JsonProcessingException e) {
            throw new InvalidJsonException("invalid JSON: " + e.getOriginalMessage().lines().findFirst().orElse(""));
        }
        if (node == null || node.isMissingNode()) {
            throw new InvalidJsonException("invalid JSON: no value");
        }
        return node;
    }

    /**
     * Writes {@code node} as Synapse would, to a generator of {@link #encode(ValueWriter)}.
     *
     * @throws InvalidJsonException if it contains NaN or an infinity
     */
    public static void write(JsonNode node, JsonGenerator gen) throws IOException {
        switch (node.getNodeType()) {
            case OBJECT -> {
                gen.writeStartObject();
                for (Map.Entry<String, JsonNode> field : node.properties()) {
                    gen.writeFieldName(field.getKey());
                    write(field.getValue(), gen);
                }
                gen.writeEndObject();
            }
            case ARRAY -> {
                gen.writeStartArray();
                for (JsonNode element : node) {
                    write(element, gen);
                }
                gen.writeEndArray();
            }
            case STRING -> gen.writeString(node.textValue());
            case BOOLEAN -> gen.writeBoolean(node.booleanValue());
            case NULL -> gen.writeNull();
            case NUMBER -> writeNumber(node, gen);
            default -> throw new InvalidJsonException("cannot encode a " + node.getNodeType() + " node as JSON");
        }
    }

    private static void writeNumber(JsonNode node, JsonGenerator gen) throws IOException {
        if (node.isIntegralNumber()) {
            if (node.canConvertToLong()) {
                gen.writeNumber(node.longValue());
            } else {
                gen.writeNumber(node.bigIntegerValue());
            }
            return;
        }
        double value = node.doubleValue();
        if (!Double.isFinite(value)) {
            throw new InvalidJsonException("cannot encode " + value + ": Synapse's JSON has no NaN or Infinity");
        }
        gen.writeNumber(PythonFloats.repr(value));
    }
}
