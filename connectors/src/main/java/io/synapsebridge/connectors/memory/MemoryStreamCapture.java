package io.synapsebridge.connectors.memory;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.synapsebridge.contract.StreamRecord;
import io.synapsebridge.protocol.command.PositionCommand;
import io.synapsebridge.protocol.command.RdataCommand;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalLong;
import java.util.Set;
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

    /** Counts what was not published, by stream. */
    public interface Counters {
        /** A row the writer sent again after it was published. */
        void duplicateDropped(String stream);

        /** A row the writer sent that is not in the stream's shape. */
        void rowRefused(String stream);
    }

    private final Set<String> streams;
    private final WriterCatchUp catchUp;
    private final MemoryStreamFollower follower;
    private final Sink sink;
    private final Counters counters;

    /**
     * @param streams  the in-memory streams to capture
     * @param restored the last record published for each writer of those streams
     * @param catchUp  the writer's HTTP replication listener, asked for the rows missed while not connected; null
     *                 for none (a position record then covers them)
     */
    public MemoryStreamCapture(Set<String> streams, List<StreamRecord> restored, WriterCatchUp catchUp, Sink sink,
            Counters counters) {
        this.streams = Set.copyOf(streams);
        this.catchUp = catchUp;
        this.follower = new MemoryStreamFollower(counters::duplicateDropped);
        this.sink = sink;
        this.counters = counters;
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
        OptionalLong since = follower.missedSince(position.stream(), position.instance(), position.newToken());
        List<MemoryStreamFollower.Group> missed = catchUp == null || since.isEmpty() ? List.of()
                : missed(position.stream(), since.getAsLong(), position.newToken());
        publish(follower.position(position.stream(), position.instance(), position.newToken(), missed));
    }

    /** The rows (from, upto] fetched from the writer, grouped by token; none if they cannot be had. */
    private List<MemoryStreamFollower.Group> missed(String stream, long from, long upto) throws InterruptedException {
        List<WriterCatchUp.Update> updates;
        try {
            updates = catchUp.fetch(stream, from, upto);
        } catch (WriterCatchUp.CatchUpException e) {
            LOG.warn("the {} rows in ({}, {}] announced while capture was not connected cannot be fetched: {}",
                    stream, from, upto, e.getMessage());
            return List.of();
        }
        List<MemoryStreamFollower.Group> groups = new ArrayList<>();
        for (WriterCatchUp.Update update : updates) {
            ObjectNode row;
            try {
                row = MemoryRows.named(stream, update.row());
            } catch (IllegalArgumentException e) {
                refuse(stream, e.getMessage());
                continue;
            }
            if (groups.isEmpty() || groups.get(groups.size() - 1).token() != update.token()) {
                groups.add(new MemoryStreamFollower.Group(update.token(), new ArrayList<>()));
            }
            groups.get(groups.size() - 1).rows().add(row);
        }
        LOG.info("fetched {} {} rows in ({}, {}] from the writer", updates.size(), stream, from, upto);
        return groups;
    }

    private void publish(List<StreamRecord> records) throws InterruptedException {
        if (!records.isEmpty()) {
            sink.publish(records);
        }
    }

    private void refuse(String stream, String reason) {
        counters.rowRefused(stream);
        LOG.warn("ignoring a {} row from the writer: {}", stream, reason);
    }
}
