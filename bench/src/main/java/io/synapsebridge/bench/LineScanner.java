package io.synapsebridge.bench;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;

/**
 * Classifies the lines of one replication connection by their first bytes, counting RDATA and POSITION and keeping
 * the first ERROR. The rest of each line is skipped eight bytes at a time: with a hundred connections the clients
 * read gigabytes, and they must not be what limits the measurement.
 */
final class LineScanner {
    private static final VarHandle WORDS = MethodHandles.byteArrayViewVarHandle(long[].class,
            ByteOrder.LITTLE_ENDIAN);
    private static final long LFS = 0x0A0A_0A0A_0A0A_0A0AL;
    private static final long ONES = 0x0101_0101_0101_0101L;
    private static final long HIGHS = 0x8080_8080_8080_8080L;
    private static final byte[] RDATA = "RDATA ".getBytes(StandardCharsets.US_ASCII);
    private static final byte[] POSITION = "POSITION ".getBytes(StandardCharsets.US_ASCII);
    private static final byte[] ERROR = "ERROR ".getBytes(StandardCharsets.US_ASCII);
    /** Enough of a line to tell the commands apart; ERROR lines are kept up to this length. */
    private static final int HEAD = 120;

    private final byte[] head = new byte[HEAD];
    private int headLength;
    private boolean keepWholeHead;
    private long rdata;
    private long positions;
    private String error;

    long rdata() {
        return rdata;
    }

    long positions() {
        return positions;
    }

    /** The first ERROR line the server sent, or null. */
    String error() {
        return error;
    }

    void scan(byte[] bytes, int from, int to) {
        int i = from;
        while (i < to) {
            if (headLength < ERROR.length || keepWholeHead && headLength < HEAD) {
                byte b = bytes[i++];
                if (b == '\n') {
                    endLine();
                } else {
                    head[headLength++] = b;
                    keepWholeHead = headLength == ERROR.length ? startsWith(ERROR) : keepWholeHead;
                }
                continue;
            }
            int lf = nextLf(bytes, i, to);
            if (lf < 0) {
                return;
            }
            i = lf + 1;
            endLine();
        }
    }

    private void endLine() {
        if (startsWith(RDATA)) {
            rdata++;
        } else if (startsWith(POSITION)) {
            positions++;
        } else if (keepWholeHead && error == null) {
            error = new String(head, 0, headLength, StandardCharsets.UTF_8);
        }
        headLength = 0;
        keepWholeHead = false;
    }

    private boolean startsWith(byte[] prefix) {
        if (headLength < Math.min(prefix.length, ERROR.length)) {
            return false;
        }
        for (int k = 0; k < Math.min(prefix.length, headLength); k++) {
            if (head[k] != prefix[k]) {
                return false;
            }
        }
        return true;
    }

    /** The index of the first LF in {@code [from, to)}, or -1. */
    private static int nextLf(byte[] bytes, int from, int to) {
        int i = from;
        for (; i + Long.BYTES <= to; i += Long.BYTES) {
            long x = (long) WORDS.get(bytes, i) ^ LFS;
            long found = (x - ONES) & ~x & HIGHS;
            if (found != 0) {
                return i + (Long.numberOfTrailingZeros(found) >>> 3);
            }
        }
        for (; i < to; i++) {
            if (bytes[i] == '\n') {
                return i;
            }
        }
        return -1;
    }
}
