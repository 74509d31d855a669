package io.synapsebridge.adapter.server;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.LongAdder;

/**
 * What the replication server did, by the names Synapse's own metrics use where they mean the same
 * ({@code synapse_replication_tcp_protocol_inbound_commands} and so on); readable from any thread.
 */
public final class ServerMetrics {
    private final Map<String, LongAdder> inbound = new ConcurrentHashMap<>();
    private final Map<String, LongAdder> outbound = new ConcurrentHashMap<>();
    private final Map<String, LongAdder> rdata = new ConcurrentHashMap<>();
    private final Map<String, LongAdder> skippedRows = new ConcurrentHashMap<>();
    private final Map<String, LongAdder> oversize = new ConcurrentHashMap<>();
    private final Map<String, LongAdder> closeReasons = new ConcurrentHashMap<>();
    private final AtomicLong connections = new AtomicLong();
    private final LongAdder catchUpRows = new LongAdder();
    private final LongAdder catchUpPauses = new LongAdder();

    void inbound(String command) {
        count(inbound, command);
    }

    void outbound(String command, long count) {
        outbound.computeIfAbsent(command, k -> new LongAdder()).add(count);
    }

    void rdata(String stream) {
        count(rdata, stream);
    }

    void rowSkipped(String stream) {
        count(skippedRows, stream);
    }

    void oversizeDropped(String command) {
        count(oversize, command);
    }

    void catchUpRow() {
        catchUpRows.increment();
    }

    void catchUpPaused() {
        catchUpPauses.increment();
    }

    void closed(String reason) {
        count(closeReasons, reason);
    }

    void connected() {
        connections.incrementAndGet();
    }

    void disconnected() {
        connections.decrementAndGet();
    }

    public long connections() {
        return connections.get();
    }

    /** Rows sent by 2017-dialect catch-ups, read from the topics rather than the live tail. */
    public long catchUpRows() {
        return catchUpRows.sum();
    }

    /** How often a 2017-dialect catch-up waited for its connection to take more lines. */
    public long catchUpPauses() {
        return catchUpPauses.sum();
    }

    public Map<String, Long> inboundCommands() {
        return snapshot(inbound);
    }

    /** Commands written to connections, by name, counted where they are produced. */
    public Map<String, Long> outboundCommands() {
        return snapshot(outbound);
    }

    public Map<String, Long> rdataByStream() {
        return snapshot(rdata);
    }

    public Map<String, Long> skippedRowsByStream() {
        return snapshot(skippedRows);
    }

    public Map<String, Long> closeReasons() {
        return snapshot(closeReasons);
    }

    private static void count(Map<String, LongAdder> counters, String key) {
        counters.computeIfAbsent(key, k -> new LongAdder()).increment();
    }

    private static Map<String, Long> snapshot(Map<String, LongAdder> counters) {
        Map<String, Long> out = new java.util.TreeMap<>();
        counters.forEach((k, v) -> out.put(k, v.sum()));
        return out;
    }
}
