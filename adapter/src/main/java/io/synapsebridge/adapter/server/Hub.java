package io.synapsebridge.adapter.server;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufAllocator;
import io.netty.buffer.ByteBufUtil;
import io.netty.buffer.CompositeByteBuf;
import io.synapsebridge.protocol.command.Command;
import io.synapsebridge.protocol.command.Dialect;
import io.synapsebridge.protocol.command.PositionCommand;
import io.synapsebridge.protocol.command.RdataCommand;
import io.synapsebridge.protocol.rows.StreamCatalog;
import io.synapsebridge.adapter.source.TailListener;
import io.synapsebridge.adapter.source.TailRecord;
import io.synapsebridge.adapter.source.TokenTable;
import io.synapsebridge.contract.StreamRecord;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Predicate;
import java.util.function.Supplier;

/**
 * Fans the stream topics out to every replicating connection: each record is turned into a line once per dialect,
 * and the lines of one read go to each connection as one buffer.
 *
 * <p>Runs on the tail's thread (records and submitted tasks alike), so the POSITIONs it announces always match the
 * rows it has sent. Rows sharing a token go out as {@code batch} rows followed by the token; the last row of a group
 * is held back until the group is known to be complete. A read's lines go out only once the event loops have taken
 * the previous read's ({@link HandOff}): the tail reads no faster than the connections are written.
 *
 * <p>A connection in the 2017 dialect follows single streams instead ({@link #followNow}, {@link #handOver}): it
 * gets the main process's rows of the streams it follows and none of the POSITIONs broadcast to the others.
 */
final class Hub implements TailListener {
    private final List<Subscriber> subscribers = new CopyOnWriteArrayList<>();
    private final StreamCatalog catalog;
    private final boolean mainProcessSendsFederation;
    private final Supplier<TokenTable> tokens;
    private final ServerMetrics metrics;
    /** Per stream: the last row read whose group may not be complete yet. */
    private final Map<String, TailRecord> groupTail = new HashMap<>();
    /** Per stream: the group whose first rows went out as batch and whose last row has not, if any. */
    private final Map<String, OpenGroup> openGroups = new HashMap<>();
    private final RowLines lines;
    /** The last read's lines on their way to the event loops: the next read waits for them. */
    private HandOff inFlight;

    /** A writer's group of rows partly sent, and the writer's token before it. */
    private record OpenGroup(String instance, long tokenBefore) {
    }

    Hub(StreamCatalog catalog, boolean mainProcessSendsFederation, Supplier<TokenTable> tokens,
            ServerMetrics metrics) {
        this.catalog = catalog;
        this.mainProcessSendsFederation = mainProcessSendsFederation;
        this.tokens = tokens;
        this.metrics = metrics;
        this.lines = new RowLines(catalog, metrics);
    }

    void add(Subscriber s) {
        subscribers.add(s);
    }

    void remove(Subscriber s) {
        subscribers.remove(s);
    }

    List<Subscriber> subscribers() {
        return subscribers;
    }

    /**
     * REPLICATE from {@code requester}: announce every stream's position to every replicating connection, as Synapse
     * does. A connection that has not sent REPLICATE yet is left out: it may turn out to be a 2017-dialect client,
     * which cannot parse these POSITIONs, and it gets its own when it sends REPLICATE.
     */
    void replicate(Subscriber requester) {
        requester.startReplicating();
        Outbox outbox = new Outbox();
        for (String stream : catalog.announcedStreams(mainProcessSendsFederation)) {
            tokens.get().writers(stream).forEach((instance, token) -> {
                PositionCommand position = PositionCommand.announce(stream, instance, token);
                for (Subscriber s : subscribers) {
                    if (s.isReplicating()) {
                        outbox.to(s, position);
                        s.announced(stream);
                    }
                }
            });
        }
        outbox.flush();
    }

    /** 2017 dialect, {@code REPLICATE <stream> NOW}: POSITION at the stream's current token, then its live rows. */
    void followNow(Subscriber s, String stream) {
        follow(s, stream, tokens.get().token(stream, Dialect.MAIN_PROCESS_INSTANCE), null);
    }

    /**
     * 2017 dialect, the end of a catch-up: {@code s} has been sent the main process's rows above {@code after} that
     * the tail has already read, except {@code lastRow}, the last record read if it is a row. That row's group may
     * still grow, so it goes out here or live depending on whether it is still held back. Must run while the tail
     * has read exactly what the catch-up read.
     */
    void handOver(Subscriber s, String stream, StreamRecord lastRow, long after) {
        String main = Dialect.MAIN_PROCESS_INSTANCE;
        if (lastRow != null && groupTail.containsKey(stream)) {
            // The held row is lastRow: it goes out live, after a POSITION that leaves its group out.
            OpenGroup open = openGroups.get(stream);
            long complete = open != null && open.instance().equals(main)
                    ? open.tokenBefore() : tokens.get().token(stream, main);
            follow(s, stream, complete, null);
            return;
        }
        RdataCommand last = lastRow != null && lastRow.instance().equals(main) && lastRow.token() > after
                ? lines.rdata(lastRow, false) : null;
        follow(s, stream, tokens.get().token(stream, main), last);
    }

    private void follow(Subscriber s, String stream, long token, RdataCommand lastRow) {
        Outbox outbox = new Outbox();
        if (lastRow != null) {
            outbox.to(s, lastRow);
        }
        outbox.to(s, PositionCommand.announce(stream, Dialect.MAIN_PROCESS_INSTANCE, token));
        s.follow(stream, token);
        outbox.flush();
    }

    @Override
    public void onRecords(List<TailRecord> records, Predicate<String> caughtUp) {
        Outbox outbox = new Outbox();
        for (TailRecord record : records) {
            TailRecord held = groupTail.remove(record.stream());
            if (held != null) {
                boolean sameGroup = record.isRow() && held.instance().equals(record.instance())
                        && held.token() == record.token();
                emitRow(held, sameGroup, outbox);
            }
            if (record.isRow()) {
                groupTail.put(record.stream(), record);
            } else if (record.type() == StreamRecord.Type.RESET) {
                emitReset(record, outbox);
            } else {
                emitPosition(record, outbox);
            }
        }
        for (var it = groupTail.entrySet().iterator(); it.hasNext();) {
            var e = it.next();
            if (caughtUp.test(e.getKey())) {
                emitRow(e.getValue(), false, outbox);
                it.remove();
            }
        }
        outbox.flush();
    }

    private void emitRow(TailRecord record, boolean batch, Outbox outbox) {
        if (batch) {
            openGroups.putIfAbsent(record.stream(),
                    new OpenGroup(record.instance(), tokens.get().token(record.stream(), record.instance())));
        } else {
            openGroups.remove(record.stream());
        }
        RdataCommand rdata = lines.rdata(record, batch);
        if (rdata == null) {
            return;
        }
        long previous = tokens.get().advance(record.stream(), record.instance(), record.token());
        for (Subscriber s : subscribers) {
            if (s.isReplicating() && !s.isAnnounced(record.stream())) {
                // A worker drops RDATA for a stream it has had no POSITION for. Everything below this row's token
                // is published, so announcing token - 1 is safe and lets this row through.
                long announce = Math.max(previous, record.token() - 1);
                outbox.to(s, PositionCommand.announce(record.stream(), record.instance(), announce));
                s.announced(record.stream());
            }
        }
        outbox.broadcast(rdata, record);
        metrics.rdata(record.stream());
    }

    private void emitPosition(TailRecord record, Outbox outbox) {
        long previous = tokens.get().advance(record.stream(), record.instance(), record.token());
        if (previous >= record.token()) {
            return;
        }
        PositionCommand position = new PositionCommand(record.stream(), record.instance(),
                previous == 0 ? record.token() : previous, record.token());
        for (Subscriber s : subscribers) {
            if (s.isReplicating()) {
                s.announced(record.stream());
            }
        }
        outbox.broadcast(position, null);
    }

    /**
     * The writer restarted and its tokens went back: announce where it is now. A worker ahead of that token finds
     * nothing to fetch below it, resets its state for the stream (Synapse's typing handler clears its typing lists)
     * and takes the new run's rows, which rise from there.
     */
    private void emitReset(TailRecord record, Outbox outbox) {
        tokens.get().reset(record.stream(), record.instance(), record.token());
        for (Subscriber s : subscribers) {
            if (s.isReplicating()) {
                s.announced(record.stream());
            }
        }
        outbox.broadcast(PositionCommand.announce(record.stream(), record.instance(), record.token()), null);
    }

    /**
     * The lines of one read. Broadcast lines are encoded once per dialect into one buffer that all connections
     * taking them share (each gets a slice); lines for one connection only are encoded for it alone. Lines too long
     * for Synapse are dropped and logged, as Synapse drops them.
     */
    private final class Outbox {
        /**
         * A broadcast line ({@code target == null}) or a line for one connection. {@code row} is the record a
         * broadcast RDATA carries, which decides whether a 2017-dialect connection takes it.
         */
        private record Segment(Command command, Subscriber target, TailRecord row) {
        }

        /** Enough for most RDATA lines, so that a read's buffer rarely grows. */
        private static final int TYPICAL_LINE_BYTES = 256;
        private final List<Segment> segments = new ArrayList<>();

        /** For every replicating connection, and for 2017-dialect connections following the row's stream. */
        void broadcast(Command command, TailRecord row) {
            segments.add(new Segment(command, null, row));
        }

        void to(Subscriber s, Command command) {
            segments.add(new Segment(command, s, null));
        }

        void flush() {
            if (segments.isEmpty()) {
                return;
            }
            if (inFlight != null) {
                inFlight.await();
            }
            HandOff handOff = new HandOff();
            int[] takers = new int[segments.size()];
            Map<Dialect, SharedLines> shared = new EnumMap<>(Dialect.class);
            for (Subscriber s : subscribers) {
                Dialect dialect = s.dialect();
                CompositeByteBuf out = ByteBufAllocator.DEFAULT.compositeBuffer(Integer.MAX_VALUE);
                int count = 0;
                int runStart = -1;
                SharedLines lines = null;
                for (int i = 0; i < segments.size(); i++) {
                    Segment seg = segments.get(i);
                    if (seg.target() == null && takes(s, dialect, seg)) {
                        lines = lines != null ? lines : shared.computeIfAbsent(dialect, SharedLines::new);
                        if (lines.fits(i)) {
                            runStart = runStart < 0 ? i : runStart;
                            count++;
                            takers[i]++;
                        }
                        continue;
                    }
                    if (runStart >= 0) {
                        out.addComponent(true, lines.slice(runStart, i));
                        runStart = -1;
                    }
                    if (seg.target() == s) {
                        String line = Hub.this.lines.line(dialect, seg.command());
                        if (line != null) {
                            out.addComponent(true, ByteBufUtil.writeUtf8(ByteBufAllocator.DEFAULT, line + "\n"));
                            count++;
                            takers[i]++;
                        }
                    }
                }
                if (runStart >= 0) {
                    out.addComponent(true, lines.slice(runStart, segments.size()));
                }
                if (count > 0) {
                    s.send(out, count, handOff);
                } else {
                    out.release();
                }
            }
            shared.values().forEach(SharedLines::release);
            for (int i = 0; i < takers.length; i++) {
                if (takers[i] > 0) {
                    metrics.outbound(segments.get(i).command().type().wireName(), takers[i]);
                }
            }
            handOff.seal();
            inFlight = handOff;
        }

        /** The broadcast lines of one dialect in one buffer, with where each segment's line starts. */
        private final class SharedLines {
            private final ByteBuf buffer;
            private final int[] start;

            SharedLines(Dialect dialect) {
                start = new int[segments.size() + 1];
                buffer = ByteBufAllocator.DEFAULT.buffer(segments.size() * TYPICAL_LINE_BYTES);
                for (int i = 0; i < segments.size(); i++) {
                    start[i] = buffer.writerIndex();
                    Segment seg = segments.get(i);
                    if (seg.target() == null) {
                        String line = Hub.this.lines.line(dialect, seg.command());
                        if (line != null) {
                            ByteBufUtil.writeUtf8(buffer, line);
                            buffer.writeByte('\n');
                        }
                    }
                }
                start[segments.size()] = buffer.writerIndex();
            }

            boolean fits(int segment) {
                return start[segment + 1] > start[segment];
            }

            ByteBuf slice(int from, int to) {
                return buffer.retainedSlice(start[from], start[to] - start[from]);
            }

            void release() {
                buffer.release();
            }
        }

        private boolean takes(Subscriber s, Dialect dialect, Segment seg) {
            return dialect == Dialect.V0_21 ? seg.row() != null && s.takesLive(seg.row()) : s.isReplicating();
        }
    }
}
