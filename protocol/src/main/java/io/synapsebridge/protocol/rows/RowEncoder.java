package io.synapsebridge.protocol.rows;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/** Lays out one stream's row, given with named fields as in the topics, as the positional array RDATA carries. */
public interface RowEncoder {
    /**
     * @param row the record's named fields; fields the layout does not use are ignored
     * @throws RowEncodingException naming the field, if a required field is missing or a field has the wrong type
     */
    ArrayNode encode(ObjectNode row);
}
