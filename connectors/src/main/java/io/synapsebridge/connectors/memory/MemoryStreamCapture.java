package io.synapsebridge.connectors.memory;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.synapsebridge.contract.StreamRecord;
import io.synapsebridge.protocol.command.PositionCommand;
import io.synapsebridge.protocol.command.RdataCommand;
import java.util.List;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Brings the in-memory streams the writer announces on its replication connection into their topics: each command
 * is checked, turned into records by the {@link MemoryStreamFollower} and handed to the sink in the order the writer
 * sent it. For the connection's thread only.
 */
public final class MemoryStreamCapture {
    private static final Logger LOG = LoggerFactory.getLogger(MemoryStreamCapture.class);

    /** Publishes records in the order given: acknowledged by Kafka before anything handed over later. */
    @FunctionalInterface
    public interface Sink {
        void publish(List<StreamRecord> records) throws InterruptedException;
    }

    private final Set<String> streams;
    private final MemoryStreamFollower follower;
    private final Sink sink;
    private final AtomicLong invalidRows = new AtomicLong();

    /**
     * @param streams  the in-memory streams to capture
     * @param restored the last record published for each writer of those streams
     */
    public MemoryStreamCapture(Set<String> streams, List<StreamRecord> restored, Sink sink) {
        this.streams = Set.copyOf(streams);
        this.follower = new MemoryStreamFollower();
        this.sink = sink;
        restored.forEach(follower::restore);
    }

    public boolean captures(String stream) {
        return streams.contains(stream);
    }

    /** A new connection to the writer. */
    public void connected() {
        follower.connected();
    }

    public void rdata(RdataCommand rdata) throws InterruptedException {
        if (rdata.token().isPresent() && rdata.token().getAsLong() <= 0) {
            refuse(rdata.stream(), "token " + rdata.token().getAsLong() + " is not positive");
            return;
        }
        ObjectNode row;
        try {
            row = MemoryRows.named(rdata.stream(), rdata.row());
        } catch (IllegalArgumentException e) { // also InvalidJsonException: the row is not JSON
            refuse(rdata.stream(), e.getMessage());
            return;
        }
        publish(follower.row(rdata.stream(), rdata.instance(), rdata.token(), row));
    }

    public void position(PositionCommand position) throws InterruptedException {
        if (position.newToken() < 0) {
            refuse(position.stream(), "position " + position.newToken() + " is negative");
            return;
        }
        publish(follower.position(position.stream(), position.instance(), position.newToken()));
    }

    /** Rows the writer sent that were not in the stream's shape. */
    public long invalidRows() {
        return invalidRows.get();
    }

    /** Rows the writer sent again after they were published. */
    public long duplicates() {
        return follower.duplicates();
    }

    private void publish(List<StreamRecord> records) throws InterruptedException {
        if (!records.isEmpty()) {
            sink.publish(records);
        }
    }

    private void refuse(String stream, String reason) {
        invalidRows.incrementAndGet();
        LOG.warn("ignoring a {} row from the writer: {}", stream, reason);
    }
}
