package io.synapsebridge.adapter.server;

import io.netty.buffer.ByteBufAllocator;
import io.netty.buffer.ByteBufUtil;
import io.synapsebridge.adapter.http.KafkaStreamLog;
import io.synapsebridge.adapter.http.LogBatch;
import io.synapsebridge.adapter.http.TokenSeeker;
import io.synapsebridge.contract.StreamRecord;
import io.synapsebridge.contract.StreamRecordCodec;
import io.synapsebridge.protocol.command.CommandType;
import io.synapsebridge.protocol.command.Dialect;
import io.synapsebridge.protocol.command.RdataCommand;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Supplier;
import org.apache.kafka.clients.consumer.Consumer;

/**
 * {@code REPLICATE <stream> <token>} in the 2017 dialect: every row of the main process above the token that the
 * topic holds, as RDATA, then {@code POSITION}, then the stream's live rows, with nothing lost or repeated between.
 *
 * <p>The backlog is read with a consumer of the connection's own, from the offset the token search finds, up to
 * where the shared tail has read. The hand-over then runs on the tail's thread: if the tail is still there, the
 * stream joins the connection's live streams; if it has moved on, the rows in between are read and it is tried
 * again. Lines go out a chunk at a time, each only once the connection has taken most of the previous ones, so a
 * slow connection slows its catch-up instead of filling memory.
 */
final class StreamCatchUp {
    private static final Duration READ_TIMEOUT = Duration.ofSeconds(30);
    private static final Duration TAIL_TIMEOUT = Duration.ofSeconds(30);
    private static final String MAIN = Dialect.MAIN_PROCESS_INSTANCE;

    private final LegacyReplication shared;
    private final Subscriber subscriber;
    private final Consumer<String, byte[]> consumer;
    private final String stream;
    private final long after;
    private final RowLines rowLines;
    private final int chunk;
    private final int room;
    private final StringBuilder out = new StringBuilder();
    private int lines;
    /** The last record read, if it is a row: whether it goes out as batch depends on the next record. */
    private StreamRecord held;

    StreamCatchUp(LegacyReplication shared, Subscriber subscriber, Consumer<String, byte[]> consumer, String stream,
            long after) {
        this.shared = shared;
        this.subscriber = subscriber;
        this.consumer = consumer;
        this.stream = stream;
        this.after = after;
        this.rowLines = new RowLines(shared.catalog(), shared.metrics());
        this.chunk = Math.max(1, shared.maxPending() / 4);
        this.room = Math.max(1, shared.maxPending() / 2);
    }

    void run() throws InterruptedException {
        // A stream asked for again is caught up again, as Synapse does: no live rows until the hand-over.
        onTail(() -> {
            subscriber.unfollow(stream);
            return null;
        });
        long end = shared.tail().position(stream).orElseThrow(() -> new IllegalStateException(stream + " is not read"));
        KafkaStreamLog log = KafkaStreamLog.open(consumer, shared.topics().stream(stream), stream,
                new StreamRecordCodec(), READ_TIMEOUT);
        long offset = new TokenSeeker().firstOffsetAbove(log.until(end, READ_TIMEOUT), MAIN, after);
        while (true) {
            while (offset < end) {
                LogBatch batch = log.until(end, READ_TIMEOUT).fetch(offset);
                for (LogBatch.Entry entry : batch.entries()) {
                    if (!accept(entry.record())) {
                        return;
                    }
                }
                if (!send()) {
                    return;
                }
                offset = batch.nextOffset();
            }
            long readTo = end;
            StreamRecord lastRow = held;
            long tailAt = onTail(() -> {
                long at = shared.tail().position(stream).orElse(readTo);
                if (at == readTo) {
                    shared.hub().handOver(subscriber, stream, lastRow, after);
                }
                return at;
            });
            if (tailAt == readTo) {
                return;
            }
            end = tailAt;
        }
    }

    /** Takes the next record of the topic, in the tail's grouping; false if the connection is gone. */
    private boolean accept(StreamRecord record) throws InterruptedException {
        StreamRecord previous = held;
        held = record.isRow() ? record : null;
        if (previous == null || !previous.instance().equals(MAIN) || previous.token() <= after) {
            return true;
        }
        boolean sameGroup = record.isRow() && record.instance().equals(MAIN) && record.token() == previous.token();
        RdataCommand rdata = rowLines.rdata(previous, sameGroup);
        String line = rdata == null ? null : rowLines.line(Dialect.V0_21, rdata);
        if (line == null) {
            return true;
        }
        out.append(line).append('\n');
        lines++;
        shared.metrics().catchUpRow();
        return lines < chunk || send();
    }

    /** Sends the lines gathered once the connection has room; false if it is gone. */
    private boolean send() throws InterruptedException {
        if (lines == 0) {
            return subscriber.channel().isActive();
        }
        if (subscriber.pending() >= room || !subscriber.channel().isWritable()) {
            shared.metrics().catchUpPaused();
        }
        if (!subscriber.awaitRoom(room)) {
            return false;
        }
        subscriber.send(ByteBufUtil.writeUtf8(ByteBufAllocator.DEFAULT, out), lines);
        shared.metrics().outbound(CommandType.RDATA.wireName(), lines);
        out.setLength(0);
        lines = 0;
        return true;
    }

    /** Runs {@code task} on the tail's thread and waits for it, giving up if the connection goes. */
    private <T> T onTail(Supplier<T> task) throws InterruptedException {
        CompletableFuture<T> result = new CompletableFuture<>();
        shared.tail().submit(() -> {
            try {
                result.complete(task.get());
            } catch (RuntimeException e) {
                result.completeExceptionally(e);
            }
        });
        long deadline = System.nanoTime() + TAIL_TIMEOUT.toNanos();
        while (true) {
            try {
                return result.get(200, TimeUnit.MILLISECONDS);
            } catch (TimeoutException e) {
                if (!subscriber.channel().isActive() || System.nanoTime() > deadline) {
                    throw new IllegalStateException("the stream tail did not answer", e);
                }
            } catch (ExecutionException e) {
                throw new IllegalStateException("hand-over to the live tail failed", e.getCause());
            }
        }
    }
}
