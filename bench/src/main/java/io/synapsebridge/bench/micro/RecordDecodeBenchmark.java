package io.synapsebridge.bench.micro;

import io.synapsebridge.bench.RealisticRows;
import io.synapsebridge.contract.StreamRecord;
import io.synapsebridge.contract.StreamRecordCodec;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/** Decoding and validating one stream record value as the adapter's tail does for every record it reads. */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
public class RecordDecodeBenchmark {
    private static final int VALUES = 1024;

    private final StreamRecordCodec codec = new StreamRecordCodec();
    private byte[][] evValues;
    private byte[][] receiptValues;
    private int next;

    @Setup
    public void setUp() {
        RealisticRows rows = new RealisticRows(2);
        evValues = new byte[VALUES][];
        receiptValues = new byte[VALUES][];
        for (int i = 0; i < VALUES; i++) {
            evValues[i] = codec.encode(StreamRecord.row("events", "master", 362_000_000L + i, rows.ev()));
            receiptValues[i] = codec.encode(StreamRecord.row("receipts", "master", 9_410_000L + i,
                    rows.receipt()));
        }
    }

    @Benchmark
    public StreamRecord eventsEv() {
        return codec.decode(evValues[nextIndex()]);
    }

    @Benchmark
    public StreamRecord receipts() {
        return codec.decode(receiptValues[nextIndex()]);
    }

    private int nextIndex() {
        next = (next + 1) & (VALUES - 1);
        return next;
    }
}
