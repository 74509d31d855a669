package io.synapsebridge.adapter.http;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import io.synapsebridge.contract.StreamRecord;
import java.util.ArrayList;
import java.util.List;

/** A stream log in memory, fetched a few records at a time like a consumer would, counting its fetches. */
final class ListLog implements StreamLog {
    private final List<LogBatch.Entry> entries = new ArrayList<>();
    private final int fetchSize;
    private long nextOffset;
    private long run;
    private int fetches;

    ListLog(int fetchSize) {
        this.fetchSize = fetchSize;
    }

    /** Appends a typing row of {@code instance} at {@code token}. */
    ListLog row(String instance, long token) {
        entries.add(new LogBatch.Entry(nextOffset++, StreamRecord.row("typing", instance, token,
                JsonNodeFactory.instance.objectNode().put("room_id", "!r" + token + ":test.local")
                        .set("user_ids", JsonNodeFactory.instance.arrayNode().add("@" + instance + ":test.local")))
                .inRun(run)));
        return this;
    }

    ListLog position(String instance, long token) {
        entries.add(new LogBatch.Entry(nextOffset++, StreamRecord.position("typing", instance, token).inRun(run)));
        return this;
    }

    /** Appends a reset of {@code instance} to {@code token}: the records appended after it are in the next run. */
    ListLog reset(String instance, long token) {
        run++;
        entries.add(new LogBatch.Entry(nextOffset++, StreamRecord.reset("typing", instance, run, token)));
        return this;
    }

    /** Leaves offsets unused, as transaction markers and aborted records do. */
    ListLog gap(int offsets) {
        nextOffset += offsets;
        return this;
    }

    int fetches() {
        return fetches;
    }

    @Override
    public long startOffset() {
        return 0;
    }

    @Override
    public long endOffset() {
        return nextOffset;
    }

    @Override
    public LogBatch fetch(long offset) {
        fetches++;
        List<LogBatch.Entry> out = new ArrayList<>();
        long next = offset;
        for (LogBatch.Entry e : entries) {
            if (e.offset() >= offset && out.size() < fetchSize) {
                out.add(e);
                next = e.offset() + 1;
            }
        }
        return new LogBatch(out, out.isEmpty() ? nextOffset : next);
    }
}
