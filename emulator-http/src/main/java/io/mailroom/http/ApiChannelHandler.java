package io.mailroom.http;

import io.mailroom.core.error.AwsException;
import io.mailroom.core.error.CommonErrors;
import io.mailroom.http.dispatch.Dispatcher;
import io.mailroom.http.dispatch.Dispatcher.Reply;
import io.mailroom.http.dispatch.RequestIds;
import io.netty.channel.ChannelFutureListener;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.SimpleChannelInboundHandler;
import io.netty.handler.codec.PrematureChannelClosureException;
import io.netty.handler.codec.http.FullHttpRequest;
import io.netty.handler.codec.http.FullHttpResponse;
import io.netty.handler.codec.http.HttpUtil;
import io.netty.handler.codec.http.HttpVersion;
import java.io.IOException;
import java.util.ArrayDeque;
import java.util.concurrent.CompletableFuture;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Serves one connection. Requests may be pipelined and some answer later (long polls), so each
 * request takes a slot and answers are written strictly in request order. When the client goes away,
 * pending answers are cancelled so the services release what they hold for them.
 * All state here is touched only on the channel's event loop.
 */
final class ApiChannelHandler extends SimpleChannelInboundHandler<FullHttpRequest> {
    private static final Logger LOG = LoggerFactory.getLogger(ApiChannelHandler.class);

    private final Dispatcher dispatcher;
    private final DateHeader date;
    private final ArrayDeque<Slot> slots = new ArrayDeque<>();
    private boolean closing;

    ApiChannelHandler(Dispatcher dispatcher, DateHeader date) {
        this.dispatcher = dispatcher;
        this.date = date;
    }

    @Override
    protected void channelRead0(ChannelHandlerContext ctx, FullHttpRequest request) {
        if (closing) {
            return;
        }
        if (request.decoderResult().isFailure()) {
            // Netty's decoder discards everything after a request it could not parse, so the connection
            // can serve nothing more: the answer, after those of earlier pipelined requests, closes it.
            Slot slot = new Slot(false, HttpVersion.HTTP_1_1);
            String requestId = RequestIds.next();
            AwsException error = CommonErrors.BAD_REQUEST.exception("The request is not valid HTTP/1.1: %s",
                    request.decoderResult().cause().getMessage());
            slot.reply = new Reply(LastAnswer.encode(request, error, requestId), requestId);
            slots.addLast(slot);
            LOG.debug("request {} is not valid HTTP: {}", requestId, request.decoderResult().cause().toString());
            flushReady(ctx);
            return;
        }
        Slot slot = new Slot(HttpUtil.isKeepAlive(request), request.protocolVersion());
        slots.addLast(slot);
        CompletableFuture<Reply> reply = dispatcher.dispatch(request);
        slot.pending = reply;
        if (reply.isDone()) {
            slot.reply = reply.join();
            flushReady(ctx);
        } else {
            reply.whenComplete((r, failure) -> {
                if (r == null) {
                    return; // cancelled because the connection closed
                }
                if (ctx.executor().inEventLoop()) {
                    complete(ctx, slot, r);
                } else {
                    ctx.executor().execute(() -> complete(ctx, slot, r));
                }
            });
        }
    }

    private void complete(ChannelHandlerContext ctx, Slot slot, Reply reply) {
        slot.reply = reply;
        flushReady(ctx);
    }

    private void flushReady(ChannelHandlerContext ctx) {
        boolean wrote = false;
        while (!slots.isEmpty() && slots.peekFirst().reply != null) {
            Slot slot = slots.pollFirst();
            FullHttpResponse response = Responses.toNetty(slot.reply.response(), slot.reply.requestId(), slot.version,
                    slot.keepAlive, date.now());
            if (slot.keepAlive) {
                ctx.write(response, ctx.voidPromise());
                wrote = true;
            } else {
                closing = true;
                ctx.writeAndFlush(response).addListener(ChannelFutureListener.CLOSE);
                cancelPending();
                return;
            }
        }
        if (wrote) {
            ctx.flush();
        }
    }

    @Override
    public void channelInactive(ChannelHandlerContext ctx) throws Exception {
        cancelPending();
        super.channelInactive(ctx);
    }

    private void cancelPending() {
        for (Slot slot : slots) {
            if (slot.pending != null && !slot.pending.isDone()) {
                slot.pending.cancel(false);
            }
        }
        slots.clear();
    }

    @Override
    public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
        if (cause instanceof IOException || cause instanceof PrematureChannelClosureException) {
            // The client went away, mid-request or not: nothing for the user to act on.
            LOG.debug("connection {} failed: {}", ctx.channel().remoteAddress(), cause.toString());
        } else {
            LOG.warn("connection {} failed", ctx.channel().remoteAddress(), cause);
        }
        ctx.close();
    }

    private static final class Slot {
        final boolean keepAlive;
        final HttpVersion version;
        CompletableFuture<Reply> pending;
        Reply reply;

        Slot(boolean keepAlive, HttpVersion version) {
            this.keepAlive = keepAlive;
            this.version = version;
        }
    }
}
