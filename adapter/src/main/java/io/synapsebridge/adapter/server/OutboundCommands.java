package io.synapsebridge.adapter.server;

import io.netty.buffer.ByteBuf;
import io.netty.channel.ChannelHandler;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelOutboundHandlerAdapter;
import io.netty.channel.ChannelPromise;
import io.synapsebridge.protocol.command.CommandType;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.atomic.LongAdder;

/**
 * Counts the commands written to connections by name, from the encoded bytes: lines reach the socket both one by one
 * and as shared multi-line buffers of the fan-out, and the bytes are the one place that sees both. One instance is
 * shared by every connection.
 */
@ChannelHandler.Sharable
public final class OutboundCommands extends ChannelOutboundHandlerAdapter {
    private static final CommandType[] TYPES = CommandType.values();
    private static final byte[][] NAMES = new byte[TYPES.length][];
    private static final String OTHER = "other";

    static {
        for (int i = 0; i < TYPES.length; i++) {
            NAMES[i] = TYPES[i].wireName().getBytes(StandardCharsets.US_ASCII);
        }
    }

    private final LongAdder[] counts = new LongAdder[TYPES.length + 1];

    OutboundCommands() {
        for (int i = 0; i < counts.length; i++) {
            counts[i] = new LongAdder();
        }
    }

    @Override
    public void write(ChannelHandlerContext ctx, Object msg, ChannelPromise promise) throws Exception {
        if (msg instanceof ByteBuf buf) {
            count(buf);
        }
        super.write(ctx, msg, promise);
    }

    /** Every complete line in {@code buf}: the lines are whole, as the encoders write them. */
    void count(ByteBuf buf) {
        int end = buf.writerIndex();
        int start = buf.readerIndex();
        while (start < end) {
            int newline = buf.indexOf(start, end, (byte) '\n');
            if (newline < 0) {
                return;
            }
            counts[typeOf(buf, start, newline)].increment();
            start = newline + 1;
        }
    }

    private static int typeOf(ByteBuf buf, int start, int lineEnd) {
        for (int t = 0; t < NAMES.length; t++) {
            byte[] name = NAMES[t];
            int after = start + name.length;
            if (after <= lineEnd && (after == lineEnd || buf.getByte(after) == ' ') && matches(buf, start, name)) {
                return t;
            }
        }
        return TYPES.length;
    }

    private static boolean matches(ByteBuf buf, int at, byte[] name) {
        for (int i = 0; i < name.length; i++) {
            if (buf.getByte(at + i) != name[i]) {
                return false;
            }
        }
        return true;
    }

    /** Commands sent so far by name; names never sent are left out. */
    public Map<String, Long> snapshot() {
        Map<String, Long> out = new TreeMap<>();
        for (int i = 0; i < counts.length; i++) {
            long n = counts[i].sum();
            if (n > 0) {
                out.put(i < TYPES.length ? TYPES[i].wireName() : OTHER, n);
            }
        }
        return out;
    }
}
