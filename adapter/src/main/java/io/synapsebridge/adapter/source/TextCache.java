package io.synapsebridge.adapter.source;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.function.Function;

/**
 * The values of the few distinct short texts a field takes (stream names, instance names), each made and checked once
 * instead of once per record. Not thread-safe.
 */
final class TextCache<T> {
    /** Stream and instance names are few; a topic with more distinct texts just makes them every time. */
    private static final int CAPACITY = 64;

    private final Function<String, T> make;
    private final byte[][] texts = new byte[CAPACITY][];
    private final Object[] values = new Object[CAPACITY];
    private int size;
    private int lastHit;

    /** @param make the value for a text; throws {@link IllegalArgumentException} if the text is not valid */
    TextCache(Function<String, T> make) {
        this.make = make;
    }

    /**
     * The value for the quoted ASCII string in {@code bytes[quote, afterQuote)}, or null if {@code afterQuote} is
     * negative (there was no such string) or the text is not valid.
     */
    @SuppressWarnings("unchecked")
    T get(byte[] bytes, int quote, int afterQuote) {
        if (afterQuote < 0) {
            return null;
        }
        int from = quote + 1;
        int to = afterQuote - 1;
        if (size > 0 && Arrays.equals(texts[lastHit], 0, texts[lastHit].length, bytes, from, to)) {
            return (T) values[lastHit];
        }
        for (int i = 0; i < size; i++) {
            if (Arrays.equals(texts[i], 0, texts[i].length, bytes, from, to)) {
                lastHit = i;
                return (T) values[i];
            }
        }
        T value;
        try {
            value = make.apply(new String(bytes, from, to - from, StandardCharsets.US_ASCII));
        } catch (IllegalArgumentException e) {
            return null;
        }
        if (size < CAPACITY) {
            texts[size] = Arrays.copyOfRange(bytes, from, to);
            values[size] = value;
            lastHit = size++;
        }
        return value;
    }
}
