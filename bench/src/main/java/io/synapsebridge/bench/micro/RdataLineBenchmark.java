package io.synapsebridge.bench.micro;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.synapsebridge.adapter.source.RecordDecoder;
import io.synapsebridge.adapter.source.RowLayout;
import io.synapsebridge.adapter.source.TailRecord;
import io.synapsebridge.bench.RealisticRows;
import io.synapsebridge.contract.StreamRecord;
import io.synapsebridge.contract.StreamRecordCodec;
import io.synapsebridge.protocol.command.Dialect;
import io.synapsebridge.protocol.command.RdataCommand;
import io.synapsebridge.protocol.json.SynapseJson;
import io.synapsebridge.protocol.rows.NamedFields;
import io.synapsebridge.protocol.rows.RawFields;
import io.synapsebridge.protocol.rows.StreamCatalog;
import io.synapsebridge.protocol.rows.VerbatimJson;
import io.synapsebridge.protocol.rows.SynapseVersion;
import java.nio.ByteBuffer;
import java.util.OptionalLong;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * What the server does once per record and dialect: lay a named topic row out for Synapse v1.66, encode it as
 * Synapse's JSON and format the RDATA line. {@code recordToLine} adds decoding the Kafka value into a tree first;
 * {@code recordToLineStreaming} does the same work the way the tail does it: a plain record is scanned and its row's
 * values copied to the wire as read.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
public class RdataLineBenchmark {
    /** Distinct rows, so the measurement is not of one input the branch predictor has learnt. */
    private static final int ROWS = 1024;

    private final StreamCatalog catalog = SynapseVersion.V1_66.catalog();
    private final Dialect dialect = Dialect.V1_22;
    private final StreamRecordCodec codec = new StreamRecordCodec();
    private final RecordDecoder decoder = new RecordDecoder(new RowLayout() {
        @Override
        public String rowJson(String stream, String instance, long token, NamedFields row) {
            return catalog.rowJson(stream, row);
        }

        @Override
        public String verbatimRowJson(String stream, RawFields row, VerbatimJson scratch) {
            return catalog.verbatimRowJson(stream, row, scratch);
        }
    });
    private ObjectNode[] evRows;
    private ObjectNode[] receiptRows;
    private byte[][] evValues;
    private int next;

    @Setup
    public void setUp() {
        RealisticRows rows = new RealisticRows(1);
        evRows = new ObjectNode[ROWS];
        receiptRows = new ObjectNode[ROWS];
        evValues = new byte[ROWS][];
        for (int i = 0; i < ROWS; i++) {
            evRows[i] = rows.ev();
            receiptRows[i] = rows.receipt();
            evValues[i] = codec.encode(StreamRecord.row("events", "master", 362_000_000L + i, rows.ev()));
        }
    }

    @Benchmark
    public String eventsEv() {
        return line("events", evRows[nextIndex()], 362_000_001L);
    }

    @Benchmark
    public String receipts() {
        return line("receipts", receiptRows[nextIndex()], 9_410_077L);
    }

    @Benchmark
    public String recordToLine() {
        StreamRecord record = codec.decode(evValues[nextIndex()]);
        return line(record.stream(), record.row(), record.token());
    }

    @Benchmark
    public String recordToLineStreaming() {
        TailRecord record = decoder.decode(ByteBuffer.wrap(evValues[nextIndex()]), true);
        return dialect.format(new RdataCommand(record.stream(), record.instance(), OptionalLong.of(record.token()),
                record.rowJson()));
    }

    private String line(String stream, ObjectNode row, long token) {
        String json = SynapseJson.encode(catalog.encodeRow(stream, row));
        return dialect.format(new RdataCommand(stream, "master", OptionalLong.of(token), json));
    }

    private int nextIndex() {
        next = (next + 1) & (ROWS - 1);
        return next;
    }
}
