package io.synapsebridge.adapter.server;

import io.netty.channel.ChannelHandler;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelOutboundHandlerAdapter;
import io.netty.channel.ChannelPromise;

/**
 * Counts the commands a connection is sent one at a time (SERVER, PING, ERROR, relayed REMOTE_SERVER_UP), which pass
 * its pipeline as one formatted line each. The fan-out's multi-line buffers pass as bytes and are counted where they
 * are built, once per read rather than once per connection and byte. Shared by every connection.
 */
@ChannelHandler.Sharable
final class SingleCommandCounter extends ChannelOutboundHandlerAdapter {
    private final ServerMetrics metrics;

    SingleCommandCounter(ServerMetrics metrics) {
        this.metrics = metrics;
    }

    @Override
    public void write(ChannelHandlerContext ctx, Object msg, ChannelPromise promise) throws Exception {
        if (msg instanceof String line) {
            int space = line.indexOf(' ');
            metrics.outbound(space < 0 ? line : line.substring(0, space), 1);
        }
        super.write(ctx, msg, promise);
    }
}
