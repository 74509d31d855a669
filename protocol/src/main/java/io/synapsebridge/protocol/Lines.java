package io.synapsebridge.protocol;

import io.synapsebridge.protocol.command.CommandParseException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;

/**
 * Framing rules of the TCP replication stream: UTF-8 lines ended by a single LF (no CR), at most
 * {@link #MAX_LINE_BYTES} bytes each.
 *
 * <p>Note for frame decoders: Synapse strips only the LF. A CR before it stays in the line (and breaks e.g.
 * {@code SERVER name\r}); Netty's {@code LineBasedFrameDecoder} strips {@code \r\n}, which is more lenient than
 * Synapse.
 */
public final class Lines {
    /** Twisted's {@code LineOnlyReceiver.MAX_LENGTH}, which Synapse keeps: bytes per line, without the LF. */
    public static final int MAX_LINE_BYTES = 16384;

    /** The only line terminator Synapse accepts and sends. */
    public static final char DELIMITER = '\n';

    private Lines() {
    }

    /**
     * Whether a received line holds only ASCII whitespace (or nothing). Such lines are skipped without a reply, as
     * Synapse does since v1.73 (before that a blank line was a parse error, so never send one).
     */
    public static boolean isBlank(CharSequence line) {
        for (int i = 0; i < line.length(); i++) {
            char c = line.charAt(i);
            // Python's bytes.strip() set: space, \t, \n, \v, \f, \r.
            if (c != ' ' && (c < '\t' || c > '\r')) {
                return false;
            }
        }
        return true;
    }

    /** The UTF-8 length of {@code s}, counting a surrogate pair as 4 bytes and a lone surrogate as 3. */
    public static int utf8Length(CharSequence s) {
        int bytes = 0;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c < 0x80) {
                bytes += 1;
            } else if (c < 0x800) {
                bytes += 2;
            } else if (Character.isHighSurrogate(c) && i + 1 < s.length() && Character.isLowSurrogate(s.charAt(i + 1))) {
                bytes += 4;
                i++;
            } else {
                bytes += 3;
            }
        }
        return bytes;
    }

    /** Whether a line of {@code byteLength} bytes (without LF) is within Synapse's limit. */
    public static boolean fits(int byteLength) {
        return byteLength <= MAX_LINE_BYTES;
    }

    /** Whether {@code line} (without LF) is within Synapse's limit. */
    public static boolean fits(String line) {
        // A char is at most 3 bytes in UTF-8: most lines are short enough to need no count.
        return line.length() <= MAX_LINE_BYTES / 3 || fits(utf8Length(line));
    }

    /**
     * Checks a formatted line before it is written. Synapse refuses to send an over-long command and drops it for
     * that connection, so the caller should log and skip it.
     *
     * @return {@code line}
     * @throws LineTooLongException if the line exceeds {@link #MAX_LINE_BYTES}
     * @throws IllegalArgumentException if the line contains an LF, which would split it in two
     */
    public static String requireSendable(String line) {
        if (line.indexOf(DELIMITER) >= 0) {
            throw new IllegalArgumentException("a line may not contain LF");
        }
        int length = utf8Length(line);
        if (!fits(length)) {
            throw new LineTooLongException(length);
        }
        return line;
    }

    /**
     * Decodes a received line (without its LF) as strict UTF-8, checking its length first.
     *
     * @throws LineTooLongException if it exceeds {@link #MAX_LINE_BYTES}
     * @throws CommandParseException if it is not valid UTF-8
     */
    public static String decode(byte[] bytes) {
        if (!fits(bytes.length)) {
            throw new LineTooLongException(bytes.length);
        }
        try {
            return StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(bytes))
                    .toString();
        } catch (CharacterCodingException e) {
            throw new CommandParseException("line is not valid UTF-8",
                    new String(bytes, StandardCharsets.UTF_8));
        }
    }
}
