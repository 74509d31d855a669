package io.synapsebridge.adapter.source;

import io.synapsebridge.adapter.source.FlatRecordReader.FlatRecord;
import io.synapsebridge.contract.InvalidRecordException;
import io.synapsebridge.contract.StreamRecord;
import io.synapsebridge.contract.StreamRecordCodec;
import io.synapsebridge.protocol.rows.NamedFields;
import java.nio.ByteBuffer;

/**
 * Turns a stream topic's record value into a {@link TailRecord}: in one streaming pass when the record is well formed,
 * through the contract's codec otherwise, so that a bad record is refused with the codec's reason. For the reading
 * thread only.
 */
public final class RecordDecoder {
    private final FlatRecordReader flat = new FlatRecordReader();
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
            FlatRecord f = flat.read(value.array(), value.arrayOffset() + value.position(), value.remaining());
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
