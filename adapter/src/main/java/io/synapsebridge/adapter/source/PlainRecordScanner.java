package io.synapsebridge.adapter.source;

import io.synapsebridge.contract.InstanceNames;
import io.synapsebridge.contract.StreamNames;
import io.synapsebridge.contract.StreamRecord;
import io.synapsebridge.protocol.rows.RawFields;

/**
 * Reads a stream record value without a JSON library when it has the plain form capture writes: the five top-level
 * fields once each, and a row whose values are all ones Synapse puts on the wire as read (see {@link RawFields}).
 * Nearly every record is plain, and scanning it costs a fraction of a general parse; for anything else
 * {@link #scan} answers null and the caller reads the value the general way, which accepts or refuses it with the
 * reason.
 *
 * <p>Not thread-safe: one per reading thread. The row is valid until the next scan.
 */
final class PlainRecordScanner {
    /** Longer integers may not fit in 64 bits: they are left to the general reader. */
    private static final int MAX_DIGITS = 18;
    private static final String[] TOP_LEVEL_FIELDS = {"type", "stream", "instance", "token", "row"};
    private static final int TYPE = 0;
    private static final int STREAM = 1;
    private static final int INSTANCE = 2;
    private static final int TOKEN = 3;
    private static final int ROW = 4;

    private final RawFields row = new RawFields();
    private final TextCache<StreamRecord.Type> types = new TextCache<>(StreamRecord.Type::fromWireName);
    private final TextCache<String> streams = new TextCache<>(StreamNames::requireValid);
    private final TextCache<String> instances = new TextCache<>(InstanceNames::requireValid);
    private byte[] text;
    private int pos;
    private int end;

    /** A plain record; {@code row} is this scanner's. */
    record PlainRecord(StreamRecord.Type type, String stream, String instance, long token, RawFields row) {
    }

    /** The record in {@code value[offset, offset + length)} if it is plain and valid, otherwise null. */
    PlainRecord scan(byte[] value, int offset, int length) {
        text = value;
        pos = offset;
        end = offset + length;
        row.reset(value);
        StreamRecord.Type type = null;
        String stream = null;
        String instance = null;
        long token = 0;
        boolean hasRow = false;
        if (!next('{')) {
            return null;
        }
        int seen = 0;
        do {
            skipSpace();
            int nameFrom = pos + 1;
            int nameTo = plainString() - 1;
            int field = nameTo < 0 ? -1 : topLevelField(nameFrom, nameTo);
            if (field < 0 || (seen & 1 << field) != 0 || !next(':')) {
                return null;
            }
            seen |= 1 << field;
            skipSpace();
            switch (field) {
                case TYPE -> type = types.get(text, pos, plainString());
                case STREAM -> stream = streams.get(text, pos, plainString());
                case INSTANCE -> instance = instances.get(text, pos, plainString());
                case TOKEN -> token = positiveInteger();
                default -> hasRow = row();
            }
            if (field == ROW && !hasRow) {
                return null;
            }
        } while (next(','));
        if (!next('}')) {
            return null;
        }
        skipSpace();
        boolean valid = pos == end && type != null && stream != null && instance != null && token > 0
                && hasRow == (type == StreamRecord.Type.ROW);
        return valid ? new PlainRecord(type, stream, instance, token, hasRow ? row : null) : null;
    }

    /** Which of {@link #TOP_LEVEL_FIELDS} {@code text[from, to)} names, or -1. */
    private int topLevelField(int from, int to) {
        for (int i = 0; i < TOP_LEVEL_FIELDS.length; i++) {
            if (is(from, to, TOP_LEVEL_FIELDS[i])) {
                return i;
            }
        }
        return -1;
    }

    /** The row object's fields; false unless every value is plain and every name distinct. */
    private boolean row() {
        if (!next('{')) {
            return false;
        }
        skipSpace();
        if (pos < end && text[pos] == '}') {
            pos++;
            return true;
        }
        do {
            skipSpace();
            int nameFrom = pos + 1;
            int nameTo = plainString() - 1;
            if (nameTo < 0 || !next(':')) {
                return false;
            }
            skipSpace();
            int valueFrom = pos;
            RawFields.Kind kind = value();
            if (kind == null || !row.add(nameFrom, nameTo, kind, valueFrom, pos)) {
                return false;
            }
        } while (next(','));
        return next('}');
    }

    /** A plain value's kind, having moved past it; null if the value is not plain. */
    private RawFields.Kind value() {
        if (pos >= end) {
            return null;
        }
        return switch (text[pos]) {
            case '"' -> plainString() < 0 ? null : RawFields.Kind.STRING;
            case 't' -> word("true") ? RawFields.Kind.TRUE : null;
            case 'f' -> word("false") ? RawFields.Kind.FALSE : null;
            case 'n' -> word("null") ? RawFields.Kind.NULL : null;
            default -> integer() < 0 ? null : RawFields.Kind.INTEGER;
        };
    }

    /**
     * Moves past a string of printable ASCII without escapes.
     *
     * @return the position after its closing quote, or -1 if there is no such string here
     */
    private int plainString() {
        if (pos >= end || text[pos] != '"') {
            return -1;
        }
        for (int i = pos + 1; i < end; i++) {
            byte b = text[i];
            if (b == '"') {
                pos = i + 1;
                return pos;
            }
            if (b < 0x20 || b > 0x7E || b == '\\') {
                return -1;
            }
        }
        return -1;
    }

    /**
     * Moves past an integer in JSON's own form of at most {@link #MAX_DIGITS} digits.
     *
     * @return its value (0 for a negative one, whose value no caller needs), or -1 if there is none here
     */
    private long integer() {
        int i = pos;
        boolean negative = i < end && text[i] == '-';
        if (negative) {
            i++;
        }
        int first = i;
        long value = 0;
        while (i < end && text[i] >= '0' && text[i] <= '9') {
            value = value * 10 + (text[i++] - '0');
        }
        int digits = i - first;
        boolean plain = digits > 0 && digits <= MAX_DIGITS && (text[first] != '0' || digits == 1)
                && !(negative && value == 0) && (i == end || !isNumberPart(text[i]));
        if (!plain) {
            return -1;
        }
        pos = i;
        return negative ? 0 : value;
    }

    private long positiveInteger() {
        return pos < end && text[pos] == '-' ? -1 : integer();
    }

    private static boolean isNumberPart(byte b) {
        return b == '.' || b == 'e' || b == 'E' || b == '-' || b == '+' || (b >= '0' && b <= '9');
    }

    private boolean word(String literal) {
        if (!is(pos, Math.min(end, pos + literal.length()), literal)) {
            return false;
        }
        pos += literal.length();
        return true;
    }

    /** Skips whitespace, then moves past {@code c} if it is next. */
    private boolean next(char c) {
        skipSpace();
        if (pos < end && text[pos] == c) {
            pos++;
            return true;
        }
        return false;
    }

    private void skipSpace() {
        while (pos < end && (text[pos] == ' ' || text[pos] == '\n' || text[pos] == '\r' || text[pos] == '\t')) {
            pos++;
        }
    }

    private boolean is(int from, int to, String ascii) {
        return RawFields.asciiEquals(text, from, to, ascii);
    }
}
