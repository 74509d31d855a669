package io.synapsebridge.adapter.server;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufAllocator;
import io.netty.buffer.ByteBufUtil;
import io.netty.buffer.CompositeByteBuf;
import io.synapsebridge.protocol.Lines;
import io.synapsebridge.protocol.command.Command;
import io.synapsebridge.protocol.command.Dialect;
import io.synapsebridge.protocol.command.PositionCommand;
import io.synapsebridge.protocol.command.RdataCommand;
import io.synapsebridge.protocol.json.SynapseJson;
import io.synapsebridge.protocol.rows.RowEncodingException;
import io.synapsebridge.protocol.rows.StreamCatalog;
import io.synapsebridge.adapter.source.TailListener;
import io.synapsebridge.adapter.source.TokenTable;
import io.synapsebridge.contract.StreamRecord;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.OptionalLong;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Predicate;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Fans the stream topics out to every replicating connection: each record is turned into a line once per dialect,
 * and the lines of one read go to each connection as one buffer.
 *
 * <p>Runs on the tail's thread (records and submitted tasks alike), so the POSITIONs it announces always match the
 * rows it has sent. Rows sharing a token go out as {@code batch} rows followed by the token; the last row of a group
 * is held back until the group is known to be complete.
 */
final class Hub implements TailListener {
    private static final Logger LOG = LoggerFactory.getLogger(Hub.class);

    private final List<Subscriber> subscribers = new CopyOnWriteArrayList<>();
    private final StreamCatalog catalog;
    private final boolean mainProcessSendsFederation;
    private final Supplier<TokenTable> tokens;
    private final ServerMetrics metrics;
    /** Per stream: the last row read whose group may not be complete yet. */
    private final Map<String, StreamRecord> groupTail = new HashMap<>();

    Hub(StreamCatalog catalog, boolean mainProcessSendsFederation, Supplier<TokenTable> tokens,
            ServerMetrics metrics) {
        this.catalog = catalog;
        this.mainProcessSendsFederation = mainProcessSendsFederation;
        this.tokens = tokens;
        this.metrics = metrics;
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

    /** REPLICATE from {@code requester}: announce every stream's position to every connection, as Synapse does. */
    void replicate(Subscriber requester) {
        Outbox outbox = new Outbox();
        for (String stream : catalog.announcedStreams(mainProcessSendsFederation)) {
            tokens.get().writers(stream).forEach((instance, token) -> {
                PositionCommand position = PositionCommand.announce(stream, instance, token);
                for (Subscriber s : subscribers) {
                    outbox.to(s, position);
                    s.announced(stream);
                }
            });
        }
        requester.startReplicating();
        outbox.flush();
    }

    @Override
    public void onRecords(List<StreamRecord> records, Predicate<String> caughtUp) {
        Outbox outbox = new Outbox();
        for (StreamRecord record : records) {
            StreamRecord held = groupTail.remove(record.stream());
            if (held != null) {
                boolean sameGroup = record.isRow() && held.instance().equals(record.instance())
                        && held.token() == record.token();
                emitRow(held, sameGroup, outbox);
            }
            if (record.isRow()) {
                groupTail.put(record.stream(), record);
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

    private void emitRow(StreamRecord record, boolean batch, Outbox outbox) {
        String rowJson;
        try {
            rowJson = SynapseJson.encode(catalog.encodeRow(record));
        } catch (RowEncodingException e) {
            metrics.rowSkipped(record.stream());
            LOG.warn("skipping row {}/{}/{}: {}", record.stream(), record.instance(), record.token(), e.getMessage());
            return;
        }
        long previous = tokens.get().advance(record.stream(), record.instance(), record.token());
        RdataCommand rdata = new RdataCommand(record.stream(), record.instance(),
                batch ? OptionalLong.empty() : OptionalLong.of(record.token()), rowJson);
        for (Subscriber s : subscribers) {
            if (s.isReplicating() && !s.isAnnounced(record.stream())) {
                // A worker drops RDATA for a stream it has had no POSITION for. Everything below this row's token
                // is published, so announcing token - 1 is safe and lets this row through.
                long announce = Math.max(previous, record.token() - 1);
                outbox.to(s, PositionCommand.announce(record.stream(), record.instance(), announce));
                s.announced(record.stream());
            }
        }
        outbox.toReplicating(rdata);
        metrics.rdata(record.stream());
    }

    private void emitPosition(StreamRecord record, Outbox outbox) {
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
        outbox.toReplicating(position);
    }

    /**
     * The lines of one read. Lines for every replicating connection are encoded once per dialect into one buffer that
     * all those connections share (each gets a slice); lines for one connection only are encoded for it alone.
     * Lines too long for Synapse are dropped and logged, as Synapse drops them.
     */
    private final class Outbox {
        /** A line for every replicating connection ({@code target == null}) or for one connection. */
        private record Segment(Command command, Subscriber target) {
        }

        private final List<Segment> segments = new ArrayList<>();

        void toReplicating(Command command) {
            segments.add(new Segment(command, null));
        }

        void to(Subscriber s, Command command) {
            segments.add(new Segment(command, s));
        }

        void flush() {
            if (segments.isEmpty()) {
                return;
            }
            Map<Dialect, SharedLines> shared = new EnumMap<>(Dialect.class);
            for (Subscriber s : subscribers) {
                boolean replicating = s.isReplicating();
                CompositeByteBuf out = ByteBufAllocator.DEFAULT.compositeBuffer(Integer.MAX_VALUE);
                int count = 0;
                int runStart = -1;
                SharedLines lines = null;
                for (int i = 0; i < segments.size(); i++) {
                    Segment seg = segments.get(i);
                    if (seg.target() == null && replicating) {
                        lines = lines != null ? lines : shared.computeIfAbsent(s.dialect(), SharedLines::new);
                        if (lines.fits(i)) {
                            runStart = runStart < 0 ? i : runStart;
                            count++;
                        }
                        continue;
                    }
                    if (runStart >= 0) {
                        out.addComponent(true, lines.slice(runStart, i));
                        runStart = -1;
                    }
                    if (seg.target() == s) {
                        String line = checked(s.dialect(), seg.command());
                        if (line != null) {
                            out.addComponent(true, ByteBufUtil.writeUtf8(ByteBufAllocator.DEFAULT, line + "\n"));
                            count++;
                        }
                    }
                }
                if (runStart >= 0) {
                    out.addComponent(true, lines.slice(runStart, segments.size()));
                }
                if (count > 0) {
                    s.send(out, count);
                } else {
                    out.release();
                }
            }
            shared.values().forEach(SharedLines::release);
        }

        /** The broadcast lines of one dialect in one buffer, with where each segment's line starts. */
        private final class SharedLines {
            private final ByteBuf buffer;
            private final int[] start;

            SharedLines(Dialect dialect) {
                start = new int[segments.size() + 1];
                StringBuilder sb = new StringBuilder();
                for (int i = 0; i < segments.size(); i++) {
                    start[i] = sb.length();
                    Segment seg = segments.get(i);
                    if (seg.target() == null) {
                        String line = checked(dialect, seg.command());
                        if (line != null) {
                            sb.append(line).append('\n');
                        }
                    }
                }
                start[segments.size()] = sb.length();
                // Lines are ASCII-only JSON plus identifiers, but encode as UTF-8 to be exact.
                buffer = ByteBufUtil.writeUtf8(ByteBufAllocator.DEFAULT, sb);
                if (buffer.readableBytes() != sb.length()) {
                    rebaseForNonAscii(sb);
                }
            }

            private void rebaseForNonAscii(StringBuilder sb) {
                for (int i = 0; i <= segments.size(); i++) {
                    start[i] = ByteBufUtil.utf8Bytes(sb.subSequence(0, start[i]));
                }
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

        private String checked(Dialect dialect, Command command) {
            String line = dialect.format(command);
            if (!Lines.fits(line)) {
                metrics.oversizeDropped(command.type().wireName());
                LOG.warn("not sending a {} line of {} bytes: over Synapse's limit of {}", command.type().wireName(),
                        Lines.utf8Length(line), Lines.MAX_LINE_BYTES);
                return null;
            }
            return line;
        }
    }
}
