package io.synapsebridge.protocol.rows;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.node.ArrayNode;
import java.io.IOException;

/** Lays out one stream's row, given with named fields as in the topics, as the positional array RDATA carries. */
public interface RowEncoder {
    /**
     * @param row the record's named fields; fields the layout does not use are ignored
     * @throws RowEncodingException naming the field, if a required field is missing or a field has the wrong type
     */
    ArrayNode encode(NamedFields row);

    /**
     * Writes the same array as {@link #encode} straight to {@code out}, without building it first.
     *
     * @throws RowEncodingException as {@link #encode}; {@code out} may then hold part of the array
     */
    void write(NamedFields row, JsonGenerator out) throws IOException;

    /**
     * Appends the same array as {@link #write} to {@code out} from raw value texts, when every value the layout takes
     * goes on the wire as it was read.
     *
     * @return false, with {@code out} holding part of the array, if the row needs {@link #write}: a value must be
     *         converted, or the row is invalid (then {@link #write} names the error)
     */
    boolean writeVerbatim(RawFields row, VerbatimJson out);
}
