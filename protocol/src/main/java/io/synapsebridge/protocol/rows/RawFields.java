package io.synapsebridge.protocol.rows;

import java.util.Arrays;

/**
 * A topic row's fields as the raw JSON text they were read from, for the values Synapse writes exactly as read:
 * strings of printable ASCII without escapes, integers, {@code true}, {@code false} and {@code null}. A reader that
 * meets any other value does not use this form. Reused from row to row: not thread-safe.
 */
public final class RawFields {
    /** What a value's raw text is. */
    public enum Kind {
        /** A string, its quotes included, of printable ASCII with no escape. */
        STRING,
        /** An integer in JSON's own form (no leading zero, no plus, not -0) that fits in 64 bits. */
        INTEGER,
        TRUE,
        FALSE,
        NULL
    }

    private byte[] text = new byte[0];
    private int size;
    private int lastFound = -1;
    private int[] nameStart = new int[16];
    private int[] nameEnd = new int[16];
    private int[] valueStart = new int[16];
    private int[] valueEnd = new int[16];
    private Kind[] kinds = new Kind[16];

    /** Starts a new row read from {@code text}. */
    public void reset(byte[] text) {
        this.text = text;
        size = 0;
        lastFound = -1;
    }

    /**
     * Adds a field whose name is {@code text[nameStart, nameEnd)} (without quotes) and whose value is
     * {@code text[valueStart, valueEnd)}.
     *
     * @return false if the row already has a field of that name
     */
    public boolean add(int nameFrom, int nameTo, Kind kind, int valueFrom, int valueTo) {
        if (indexOf(text, nameFrom, nameTo) >= 0) {
            return false;
        }
        if (size == kinds.length) {
            int capacity = size * 2;
            nameStart = Arrays.copyOf(nameStart, capacity);
            nameEnd = Arrays.copyOf(nameEnd, capacity);
            valueStart = Arrays.copyOf(valueStart, capacity);
            valueEnd = Arrays.copyOf(valueEnd, capacity);
            kinds = Arrays.copyOf(kinds, capacity);
        }
        nameStart[size] = nameFrom;
        nameEnd[size] = nameTo;
        valueStart[size] = valueFrom;
        valueEnd[size] = valueTo;
        kinds[size++] = kind;
        return true;
    }

    /** The index of the field named {@code name}, or -1. */
    int indexOf(String name) {
        // Capture writes a row's fields in the order the layouts take them: look after the last one found first.
        for (int n = 0, i = lastFound + 1; n < size; n++, i++) {
            if (i == size) {
                i = 0;
            }
            if (textEquals(nameStart[i], nameEnd[i], name)) {
                lastFound = i;
                return i;
            }
        }
        return -1;
    }

    private int indexOf(byte[] name, int from, int to) {
        for (int i = 0; i < size; i++) {
            if (nameEnd[i] - nameStart[i] == to - from && text[nameStart[i]] == name[from]
                    && Arrays.equals(text, nameStart[i], nameEnd[i], name, from, to)) {
                return i;
            }
        }
        return -1;
    }

    private boolean textEquals(int from, int to, String ascii) {
        return asciiEquals(text, from, to, ascii);
    }

    /** Whether {@code bytes[from, to)} is {@code ascii}, without a copy. */
    public static boolean asciiEquals(byte[] bytes, int from, int to, String ascii) {
        if (to - from != ascii.length()) {
            return false;
        }
        for (int i = 0; i < ascii.length(); i++) {
            if (bytes[from + i] != ascii.charAt(i)) {
                return false;
            }
        }
        return true;
    }

    Kind kind(int field) {
        return kinds[field];
    }

    /** Whether a {@link Kind#STRING} field's content, without quotes, is {@code ascii}. */
    boolean contentEquals(int field, String ascii) {
        return textEquals(valueStart[field] + 1, valueEnd[field] - 1, ascii);
    }

    /** The field's raw value text, which is also its wire text. */
    void copyValue(int field, VerbatimJson out) {
        out.append(text, valueStart[field], valueEnd[field] - valueStart[field]);
    }
}
