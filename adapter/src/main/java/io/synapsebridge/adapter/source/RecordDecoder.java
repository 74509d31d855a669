package io.synapsebridge.adapter.source;

import io.synapsebridge.adapter.source.FlatRecordReader.FlatRecord;
import io.synapsebridge.adapter.source.PlainRecordScanner.PlainRecord;
import io.synapsebridge.contract.InvalidRecordException;
import io.synapsebridge.contract.StreamRecord;
import io.synapsebridge.contract.StreamRecordCodec;
import io.synapsebridge.protocol.rows.NamedFields;
import io.synapsebridge.protocol.rows.VerbatimJson;
import java.nio.ByteBuffer;

/**
 * Turns a stream topic's record value into a {@link TailRecord}. A plain record (nearly all) is scanned and its row's
 * values copied to the wire as they are; any other well-formed record is read in one streaming pass; anything else
 * goes through the contract's codec, so that a bad record is refused with the codec's reason. For the reading thread
 * only.
 */
public final class RecordDecoder {
    private final PlainRecordScanner plain = new PlainRecordScanner();
    private final FlatRecordReader flat = new FlatRecordReader();
    private final VerbatimJson scratch = new VerbatimJson();
    private final StreamRecordCodec codec = new StreamRecordCodec();
    private final RowLayout layout;

    public RecordDecoder(RowLayout layout) {
        this.layout = layout;
    }

    /**
     * @param layOut whether to lay out a row for the wire (not needed to learn tokens)
     * @throws InvalidRecordException with the reason when the value is not a valid stream record
     */
    public TailRecord decode(ByteBuffer value, boolean layOut) {
        if (value != null && value.hasArray()) {
            byte[] bytes = value.array();
            int offset = value.arrayOffset() + value.position();
            PlainRecord p = plain.scan(bytes, offset, value.remaining());
            if (p != null) {
                String json = layOut && p.row() != null ? layout.verbatimRowJson(p.stream(), p.row(), scratch) : null;
                if (json != null || !layOut || p.row() == null) {
                    return new TailRecord(p.type(), p.stream(), p.instance(), p.token(), json);
                }
                // A value to convert or an error to name: the general reading below does it.
            }
            FlatRecord f = flat.read(bytes, offset, value.remaining());
            if (f != null) {
                return tailRecord(f.type(), f.stream(), f.instance(), f.token(), layOut ? f.row() : null);
            }
        }
        StreamRecord r = codec.decode(value);
        return tailRecord(r.type(), r.stream(), r.instance(), r.token(),
                layOut && r.isRow() ? NamedFields.of(r.row()) : null);
    }

    private TailRecord tailRecord(StreamRecord.Type type, String stream, String instance, long token,
            NamedFields row) {
        String json = row == null ? null : layout.rowJson(stream, instance, token, row);
        return new TailRecord(type, stream, instance, token, json);
    }
}
