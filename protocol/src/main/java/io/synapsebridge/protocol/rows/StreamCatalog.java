package io.synapsebridge.protocol.rows;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.synapsebridge.contract.StreamRecord;
import io.synapsebridge.protocol.json.SynapseJson;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The streams of one Synapse version, in its {@code STREAMS_MAP} order (the order POSITIONs are announced in after
 * REPLICATE), each with its row layout.
 */
public final class StreamCatalog {
    /** The stream the main process only publishes when it does not send federation traffic itself. */
    public static final String FEDERATION = "federation";

    private final String version;
    private final Map<String, RowEncoder> encoders;

    StreamCatalog(String version, LinkedHashMap<String, RowEncoder> encoders) {
        this.version = version;
        this.encoders = Collections.unmodifiableMap(new LinkedHashMap<>(encoders));
    }

    /** Every stream of the version, in {@code STREAMS_MAP} order. */
    public List<String> streams() {
        return List.copyOf(encoders.keySet());
    }

    /**
     * The streams the main process announces on REPLICATE, in order: all of them, except {@code federation} when the
     * main process sends federation itself (Synapse's {@code send_federation}), because then no worker needs it.
     */
    public List<String> announcedStreams(boolean mainProcessSendsFederation) {
        return encoders.keySet().stream()
                .filter(stream -> !(mainProcessSendsFederation && stream.equals(FEDERATION)))
                .toList();
    }

    public boolean has(String stream) {
        return encoders.containsKey(stream);
    }

    /**
     * The RDATA row for a topic row of {@code stream}.
     *
     * @throws RowEncodingException naming the version, stream and field, if the stream does not exist in this
     *     version or the row does not fit its layout
     */
    public ArrayNode encodeRow(String stream, ObjectNode row) {
        RowEncoder encoder = encoder(stream);
        try {
            return encoder.encode(NamedFields.of(row));
        } catch (RowEncodingException e) {
            throw inStream(stream, e);
        }
    }

    /**
     * The RDATA row for a topic row of {@code stream} as Synapse's JSON text, written without building the array:
     * the same text as {@code SynapseJson.encode(encodeRow(stream, row))}.
     *
     * @throws RowEncodingException as {@link #encodeRow(String, ObjectNode)}
     * @throws io.synapsebridge.protocol.json.InvalidJsonException if the row holds NaN or an infinity
     */
    public String rowJson(String stream, NamedFields row) {
        RowEncoder encoder = encoder(stream);
        try {
            return SynapseJson.encode(gen -> encoder.write(row, gen));
        } catch (RowEncodingException e) {
            throw inStream(stream, e);
        }
    }

    /**
     * The same text as {@link #rowJson}, put together from the row's raw value texts without decoding them; null when
     * the row needs {@link #rowJson}: a value to convert, an error to name, or a stream this version does not have.
     *
     * @param scratch where the text is put together; the caller's, so that a reading thread reuses one
     */
    public String verbatimRowJson(String stream, RawFields row, VerbatimJson scratch) {
        RowEncoder encoder = encoders.get(stream);
        scratch.clear();
        return encoder != null && encoder.writeVerbatim(row, scratch) ? scratch.toString() : null;
    }

    private RowEncoder encoder(String stream) {
        RowEncoder encoder = encoders.get(stream);
        if (encoder == null) {
            throw new RowEncodingException("Synapse " + version + " has no stream '" + stream + "'");
        }
        return encoder;
    }

    private RowEncodingException inStream(String stream, RowEncodingException e) {
        return new RowEncodingException("stream '" + stream + "' (Synapse " + version + "): " + e.getMessage());
    }

    /**
     * The RDATA row for a row record.
     *
     * @throws RowEncodingException as {@link #encodeRow(String, ObjectNode)}, or if the record is a position record
     */
    public ArrayNode encodeRow(StreamRecord record) {
        if (!record.isRow()) {
            throw new RowEncodingException("a position record of stream '" + record.stream() + "' has no row");
        }
        return encodeRow(record.stream(), record.row());
    }

    @Override
    public String toString() {
        return "StreamCatalog[Synapse " + version + ": " + encoders.keySet() + "]";
    }
}
