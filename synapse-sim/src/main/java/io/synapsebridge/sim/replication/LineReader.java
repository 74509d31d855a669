package io.synapsebridge.sim.replication;

import io.synapsebridge.protocol.LineTooLongException;
import io.synapsebridge.protocol.Lines;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;

/** Splits a byte stream into LF-terminated lines as Synapse does: only the LF is stripped, lines are bounded. */
final class LineReader {
    private final InputStream in;
    private final ByteArrayOutputStream line = new ByteArrayOutputStream();

    LineReader(InputStream in) {
        this.in = in;
    }

    /**
     * The next line without its LF, or null at the end of the stream (a last line without LF is dropped).
     *
     * @throws LineTooLongException as soon as a line passes {@link Lines#MAX_LINE_BYTES}
     */
    byte[] next() throws IOException {
        line.reset();
        int b;
        while ((b = in.read()) >= 0) {
            if (b == Lines.DELIMITER) {
                return line.toByteArray();
            }
            if (!Lines.fits(line.size() + 1)) {
                throw new LineTooLongException(line.size() + 1);
            }
            line.write(b);
        }
        return null;
    }
}
