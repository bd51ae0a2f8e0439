package io.mailroom.http;

import io.mailroom.core.error.AwsException;
import io.mailroom.core.error.CommonErrors;
import io.mailroom.http.dispatch.Dispatcher;
import io.mailroom.http.dispatch.Dispatcher.Reply;
import io.mailroom.http.dispatch.HttpConformance;
import io.mailroom.http.dispatch.OversizedRequest;
import io.mailroom.http.dispatch.RequestIds;
import io.netty.buffer.Unpooled;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.handler.codec.PrematureChannelClosureException;
import io.netty.handler.codec.http.DefaultFullHttpResponse;
import io.netty.handler.codec.http.FullHttpRequest;
import io.netty.handler.codec.http.FullHttpResponse;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpRequest;
import io.netty.handler.codec.http.HttpResponseStatus;
import io.netty.handler.codec.http.HttpUtil;
import io.netty.handler.codec.http.HttpVersion;
import java.io.IOException;
import java.util.ArrayDeque;
import java.util.concurrent.CompletableFuture;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Serves one connection, one request at a time: a pipelined request is run only once the answer before it is
 * written. RFC 9112 section 9.3.2 allows a server to work on pipelined requests in parallel only when all are
 * safe, and AWS's front ends take a connection's requests in turn, so a client may pipeline a PUT and the GET
 * that reads it back (https://www.rfc-editor.org/rfc/rfc9112#section-9.3.2).
 * <p>
 * A client that sends and does not read must not make the server queue answers for it: while the connection
 * is not writable (its answers are not being read) or {@link #MAX_WAITING} requests wait their turn, the
 * connection is not read, and the kernel's buffers make the client wait. When the client goes away, the
 * pending answer is cancelled so the services release what they hold for it.
 * All state here is touched only on the channel's event loop.
 */
final class ApiChannelHandler extends ChannelInboundHandlerAdapter {
    private static final Logger LOG = LoggerFactory.getLogger(ApiChannelHandler.class);
    /**
     * Requests read ahead of the one being answered before the connection stops being read: enough to keep a
     * pipelining client busy, few enough that holding them costs little. Requests already decoded from one
     * read join them however many there are; they are small (a read is at most 64 KiB).
     */
    static final int MAX_WAITING = 16;

    private final Dispatcher dispatcher;
    private final DateHeader date;
    /** Requests received while an earlier one is answered, retained until their turn. */
    private final ArrayDeque<FullHttpRequest> waiting = new ArrayDeque<>();
    private final Runnable drainLater = this::drainLater;
    private final InputWatch input = new InputWatch(this);
    private ChannelHandlerContext ctx;
    /** The answer of the request being served, when it comes later (a long poll, a service being made). */
    private CompletableFuture<Reply> pending;
    private boolean pendingKeepAlive;
    private HttpVersion pendingVersion;
    /** A request after which the connection closes has been received: what follows it is not served. */
    private boolean lastReceived;
    private boolean closing;
    private boolean readingPaused;
    private boolean draining;
    /** The request being received waits for {@code 100 Continue}, to be sent once the answers before it are. */
    private boolean continueOwed;

    ApiChannelHandler(Dispatcher dispatcher, DateHeader date) {
        this.dispatcher = dispatcher;
        this.date = date;
    }

    /** Goes ahead of the HTTP decoder in the connection's pipeline. */
    InputWatch input() {
        return input;
    }

    @Override
    public void handlerAdded(ChannelHandlerContext ctx) {
        this.ctx = ctx;
    }

    @Override
    public void channelRead(ChannelHandlerContext ctx, Object msg) {
        if (!(msg instanceof FullHttpRequest request)) {
            ctx.fireChannelRead(msg);
            return;
        }
        input.requestReceived();
        if (lastReceived) {
            request.release();
            return;
        }
        lastReceived = lastOnConnection(request);
        continueOwed = false; // its body came without the go-ahead (RFC 9110 section 10.1.1 lets a client do that)
        if (pending == null && waiting.isEmpty() && !draining && ctx.channel().isWritable()) {
            if (serve(ctx, request, !lastReceived)) {
                ctx.flush();
            }
            if (!ctx.channel().isWritable()) {
                updateReading(ctx);
            }
        } else {
            waiting.addLast(request);
            updateReading(ctx);
        }
    }

    /** Runs the request and writes its answer if it is ready; releases the request. Whether it wrote. */
    private boolean serve(ChannelHandlerContext ctx, FullHttpRequest request, boolean keepAlive) {
        HttpVersion version = request.protocolVersion();
        CompletableFuture<Reply> reply;
        try {
            reply = request.decoderResult().isFailure() ? CompletableFuture.completedFuture(unparsable(request))
                    : dispatcher.dispatch(request);
        } finally {
            request.release();
        }
        if (reply.isDone()) {
            write(ctx, reply.join(), keepAlive, version);
            return true;
        }
        pending = reply;
        pendingKeepAlive = keepAlive;
        pendingVersion = version;
        reply.whenComplete((r, failure) -> {
            if (r == null) {
                if (!reply.isCancelled()) {
                    // No answer will come (an Error escaped the service): close rather than leave the client waiting.
                    ctx.executor().execute(() -> exceptionCaught(ctx, failure));
                }
                return; // else cancelled because the connection closed
            }
            if (ctx.executor().inEventLoop()) {
                answered(ctx, reply, r);
            } else {
                ctx.executor().execute(() -> {
                    try {
                        answered(ctx, reply, r);
                    } catch (Throwable t) {
                        exceptionCaught(ctx, t); // a task of its own: Netty would only log it, leaving the connection stuck
                    }
                });
            }
        });
        return false;
    }

    /**
     * Netty's decoder discards everything after a request it could not parse: nothing more can be served. Nor
     * after one whose body it cannot frame (a transfer coding other than chunked: RFC 9112 section 6.1 asks for
     * the connection to close) or of another HTTP major version (answered 505).
     */
    private static boolean lastOnConnection(FullHttpRequest request) {
        return request.decoderResult().isFailure() || !HttpUtil.isKeepAlive(request)
                || request.protocolVersion().majorVersion() != 1 || HttpConformance.hasUnknownCoding(request);
    }

    private static Reply unparsable(FullHttpRequest request) {
        String requestId = RequestIds.next();
        AwsException error = CommonErrors.BAD_REQUEST.exception("The request is not valid HTTP/1.1: %s",
                request.decoderResult().cause().getMessage());
        LOG.debug("request {} is not valid HTTP: {}", requestId, request.decoderResult().cause().toString());
        return new Reply(LastAnswer.encode(request, error, requestId), requestId);
    }

    /**
     * The later answer of the request being served. It may come on this loop from inside another connection's
     * request (a SendMessage that completes a parked receive): the next request of this connection then runs
     * as a task of its own, never inside a service call that is still under way.
     */
    private void answered(ChannelHandlerContext ctx, CompletableFuture<Reply> reply, Reply r) {
        if (pending != reply) {
            return; // the connection closed meanwhile
        }
        pending = null;
        write(ctx, r, pendingKeepAlive, pendingVersion);
        if (waiting.isEmpty()) {
            continueIfOwed(ctx);
            ctx.flush();
            updateReading(ctx);
        } else {
            ctx.flush();
            ctx.executor().execute(drainLater);
        }
    }

    /**
     * Whether the request whose headers just came may have its {@code 100 Continue} now: when every request
     * before it is answered. Otherwise it is sent when that is so, unless the body comes first.
     */
    boolean continueNowOrInTurn() {
        if (lastReceived || closing) {
            return false; // the last answer is or will be out: nothing may follow it
        }
        if (pending == null && waiting.isEmpty() && !draining) {
            return true;
        }
        continueOwed = !lastReceived;
        return false;
    }

    /** Whether the client may be waiting for the server, not the other way round. */
    boolean clientWaitsForServer() {
        return pending != null || !waiting.isEmpty() || readingPaused || continueOwed || closing;
    }

    /**
     * The client stopped sending midway through a request: answered in its protocol when its headers came
     * (S3's RequestTimeout), with a bare 400 when they did not; the connection then closes.
     */
    void timedOut(HttpRequest headers) {
        if (lastReceived || ctx == null || !ctx.channel().isActive()) {
            return;
        }
        LOG.debug("connection {}: request timed out ({})", ctx.channel().remoteAddress(),
                headers == null ? "headers incomplete" : headers.method() + " " + headers.uri());
        if (headers != null) {
            channelRead(ctx, OversizedRequest.timedOut(headers));
            return;
        }
        lastReceived = true;
        closing = true;
        FullHttpResponse response = new DefaultFullHttpResponse(HttpVersion.HTTP_1_1, HttpResponseStatus.BAD_REQUEST,
                Unpooled.EMPTY_BUFFER);
        response.headers().set(HttpHeaderNames.DATE, date.now()).setInt(HttpHeaderNames.CONTENT_LENGTH, 0);
        HttpUtil.setKeepAlive(response, false);
        input.closeAfter(ctx.writeAndFlush(response));
    }

    private boolean continueIfOwed(ChannelHandlerContext ctx) {
        if (!continueOwed || closing) {
            return false;
        }
        continueOwed = false;
        ctx.write(new DefaultFullHttpResponse(HttpVersion.HTTP_1_1, HttpResponseStatus.CONTINUE,
                Unpooled.EMPTY_BUFFER), ctx.voidPromise());
        return true;
    }

    private void drainLater() {
        if (ctx != null && ctx.channel().isActive()) {
            try {
                drain(ctx);
            } catch (Throwable t) {
                exceptionCaught(ctx, t); // a task of its own: Netty would only log it, leaving the connection stuck
            }
        }
    }

    /** Serves waiting requests in turn while their answers are ready at once and the client reads them. */
    private void drain(ChannelHandlerContext ctx) {
        if (draining) {
            return; // a flush below made the channel writable again; the loop here goes on
        }
        draining = true;
        try {
            boolean wrote = false;
            while (pending == null && !closing && ctx.channel().isWritable()) {
                FullHttpRequest next = waiting.pollFirst();
                if (next == null) {
                    break;
                }
                wrote |= serve(ctx, next, !lastOnConnection(next));
            }
            if (pending == null && waiting.isEmpty()) {
                wrote |= continueIfOwed(ctx);
            }
            if (wrote) {
                ctx.flush();
            }
        } finally {
            draining = false;
        }
        updateReading(ctx);
    }

    private void write(ChannelHandlerContext ctx, Reply reply, boolean keepAlive, HttpVersion version) {
        FullHttpResponse response = Responses.toNetty(reply.response(), reply.requestId(), version, keepAlive,
                date.now());
        if (keepAlive) {
            ctx.write(response, ctx.voidPromise());
        } else {
            closing = true;
            input.closeAfter(ctx.writeAndFlush(response));
            releaseWaiting();
        }
    }

    /** Reads the connection only while its answers are being read and few requests wait their turn. */
    private void updateReading(ChannelHandlerContext ctx) {
        if (closing) {
            return; // the connection lingers, reading what still comes
        }
        boolean writable = ctx.channel().isWritable();
        if (!readingPaused && (!writable || waiting.size() >= MAX_WAITING)) {
            readingPaused = true;
            ctx.channel().config().setAutoRead(false);
        } else if (readingPaused && writable && waiting.size() <= MAX_WAITING / 2) {
            readingPaused = false;
            ctx.channel().config().setAutoRead(true);
        }
    }

    @Override
    public void channelWritabilityChanged(ChannelHandlerContext ctx) throws Exception {
        if (ctx.channel().isWritable()) {
            drain(ctx);
        } else {
            updateReading(ctx);
        }
        super.channelWritabilityChanged(ctx);
    }

    @Override
    public void channelInactive(ChannelHandlerContext ctx) throws Exception {
        if (pending != null) {
            CompletableFuture<Reply> cancelled = pending;
            pending = null;
            cancelled.cancel(false);
        }
        releaseWaiting();
        super.channelInactive(ctx);
    }

    @Override
    public void handlerRemoved(ChannelHandlerContext ctx) {
        releaseWaiting();
    }

    private void releaseWaiting() {
        FullHttpRequest request;
        while ((request = waiting.pollFirst()) != null) {
            request.release();
        }
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
}
