package io.synapsebridge.protocol.rows;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/** A row's wire JSON being put together from raw value texts ({@link RawFields}); always ASCII. Not thread-safe. */
public final class VerbatimJson {
    private byte[] bytes = new byte[256];
    private int length;

    void clear() {
        length = 0;
    }

    void append(byte b) {
        ensure(1);
        bytes[length++] = b;
    }

    void append(byte[] src, int offset, int count) {
        ensure(count);
        System.arraycopy(src, offset, bytes, length, count);
        length += count;
    }

    void append(byte[] src) {
        append(src, 0, src.length);
    }

    private void ensure(int more) {
        if (length + more > bytes.length) {
            bytes = Arrays.copyOf(bytes, Math.max(bytes.length * 2, length + more));
        }
    }

    @Override
    public String toString() {
        // ASCII only, so the Latin-1 view is the text.
        return new String(bytes, 0, length, StandardCharsets.ISO_8859_1);
    }
}
