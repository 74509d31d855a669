package io.synapsebridge.adapter.http;

import io.netty.buffer.Unpooled;
import io.netty.channel.ChannelFutureListener;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.SimpleChannelInboundHandler;
import io.netty.handler.codec.http.DefaultFullHttpResponse;
import io.netty.handler.codec.http.FullHttpRequest;
import io.netty.handler.codec.http.FullHttpResponse;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpHeaderValues;
import io.netty.handler.codec.http.HttpResponseStatus;
import io.netty.handler.codec.http.HttpUtil;
import io.netty.handler.codec.http.HttpVersion;
import io.synapsebridge.protocol.catchup.StreamUpdates;
import io.synapsebridge.protocol.rows.StreamCatalog;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One HTTP connection: checks each request on the event loop (route, secret, parameters), hands the Kafka read to
 * the readers, and writes the answers in request order, so that pipelined requests get their own responses back.
 */
final class CatchUpHandler extends SimpleChannelInboundHandler<FullHttpRequest> {
    private static final Logger LOG = LoggerFactory.getLogger(CatchUpHandler.class);

    private final StreamCatalog catalog;
    private final BearerAuth auth;
    private final CatchUpService service;
    private CompletableFuture<?> previousResponse = CompletableFuture.completedFuture(null);

    CatchUpHandler(StreamCatalog catalog, BearerAuth auth, CatchUpService service) {
        this.catalog = catalog;
        this.auth = auth;
        this.service = service;
    }

    @Override
    protected void channelRead0(ChannelHandlerContext ctx, FullHttpRequest request) {
        boolean keepAlive = HttpUtil.isKeepAlive(request) && request.decoderResult().isSuccess();
        String uri = request.uri();
        CompletableFuture<FullHttpResponse> response;
        try {
            response = answer(ctx, request).thenApply(CatchUpHandler::ok)
                    .exceptionally(failure -> error(unwrap(failure), uri));
        } catch (RuntimeException e) {
            response = CompletableFuture.completedFuture(error(e, uri));
        }
        previousResponse = previousResponse.thenCombine(response, (done, r) -> r)
                .thenAccept(r -> write(ctx, r, keepAlive));
    }

    private CompletableFuture<StreamUpdates> answer(ChannelHandlerContext ctx, FullHttpRequest request) {
        if (!request.decoderResult().isSuccess()) {
            throw CatchUpError.malformed();
        }
        CatchUpRequest.Target target = CatchUpRequest.route(request.method(), request.uri());
        Optional<String> refusal = auth.refusal(request.headers().getAll(HttpHeaderNames.AUTHORIZATION));
        if (refusal.isPresent()) {
            LOG.warn("refused catch-up request from {}: {}", ctx.channel().remoteAddress(), refusal.get());
            throw CatchUpError.internal();
        }
        return service.updates(CatchUpRequest.validate(target, catalog));
    }

    private static Throwable unwrap(Throwable failure) {
        return failure instanceof CompletionException && failure.getCause() != null ? failure.getCause() : failure;
    }

    private static FullHttpResponse ok(StreamUpdates updates) {
        return json(HttpResponseStatus.OK, updates.toJson());
    }

    private static FullHttpResponse error(Throwable failure, String uri) {
        if (failure instanceof CatchUpError e) {
            return json(e.status(), e.toJson());
        }
        if (failure instanceof MissingTopicException || failure instanceof ReadTimeoutException) {
            LOG.error("cannot answer {}: {}", uri, failure.getMessage());
        } else {
            LOG.error("cannot answer {}", uri, failure);
        }
        CatchUpError internal = CatchUpError.internal();
        return json(internal.status(), internal.toJson());
    }

    private static FullHttpResponse json(HttpResponseStatus status, String body) {
        FullHttpResponse response = new DefaultFullHttpResponse(HttpVersion.HTTP_1_1, status,
                Unpooled.copiedBuffer(body, StandardCharsets.UTF_8));
        response.headers()
                .set(HttpHeaderNames.CONTENT_TYPE, HttpHeaderValues.APPLICATION_JSON)
                .set(HttpHeaderNames.CACHE_CONTROL, "no-cache, no-store, must-revalidate")
                .setInt(HttpHeaderNames.CONTENT_LENGTH, response.content().readableBytes());
        return response;
    }

    private static void write(ChannelHandlerContext ctx, FullHttpResponse response, boolean keepAlive) {
        HttpUtil.setKeepAlive(response, keepAlive);
        var written = ctx.writeAndFlush(response);
        if (!keepAlive) {
            written.addListener(ChannelFutureListener.CLOSE);
        }
    }

    @Override
    public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
        LOG.debug("closing catch-up connection {}: {}", ctx.channel().remoteAddress(), cause.toString());
        ctx.close();
    }
}
