package io.synapsebridge.protocol.rows;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

/** A flat JSON object as {@link RawFields}, the way a record scanner would hand it over. */
final class RawRows {
    private static final JsonFactory JSON = new JsonFactory();

    private RawRows() {
    }

    /** The object's fields, or null if a value is not one {@link RawFields} holds or a name repeats. */
    static RawFields of(String object) {
        byte[] text = object.getBytes(StandardCharsets.UTF_8);
        RawFields fields = new RawFields();
        fields.reset(text);
        try (JsonParser p = JSON.createParser(text)) {
            p.nextToken();
            while (p.nextToken() == JsonToken.FIELD_NAME) {
                int name = (int) p.currentTokenLocation().getByteOffset() + 1;
                int nameEnd = name + p.currentName().length();
                JsonToken token = p.nextToken();
                int value = (int) p.currentTokenLocation().getByteOffset();
                String raw = rawText(p, token);
                RawFields.Kind kind = kind(token, raw);
                if (kind == null || !fields.add(name, nameEnd, kind, value, value + raw.length())) {
                    return null;
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return fields;
    }

    private static String rawText(JsonParser p, JsonToken token) throws IOException {
        return token == JsonToken.VALUE_STRING ? "\"" + p.getText() + "\"" : p.getText();
    }

    private static RawFields.Kind kind(JsonToken token, String raw) throws IOException {
        return switch (token) {
            case VALUE_STRING -> raw.chars().skip(1).limit(raw.length() - 2L)
                    .allMatch(c -> c >= 0x20 && c <= 0x7E && c != '"' && c != '\\') ? RawFields.Kind.STRING : null;
            case VALUE_NUMBER_INT -> raw.length() <= 18 && !raw.equals("-0") ? RawFields.Kind.INTEGER : null;
            case VALUE_TRUE -> RawFields.Kind.TRUE;
            case VALUE_FALSE -> RawFields.Kind.FALSE;
            case VALUE_NULL -> RawFields.Kind.NULL;
            default -> null;
        };
    }
}
