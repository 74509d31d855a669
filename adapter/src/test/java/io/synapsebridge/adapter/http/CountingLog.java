package io.synapsebridge.adapter.http;

/** Counts the fetches made through another log. */
final class CountingLog implements StreamLog {
    private final StreamLog log;
    private int fetches;

    CountingLog(StreamLog log) {
        this.log = log;
    }

    int fetches() {
        return fetches;
    }

    @Override
    public long startOffset() {
        return log.startOffset();
    }

    @Override
    public long endOffset() {
        return log.endOffset();
    }

    @Override
    public LogBatch fetch(long offset) {
        fetches++;
        return log.fetch(offset);
    }
}
