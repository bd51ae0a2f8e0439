package io.mailroom.http;

import io.netty.channel.Channel;
import io.netty.channel.ChannelFuture;
import io.netty.channel.ChannelFutureListener;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.channel.socket.DuplexChannel;
import io.netty.handler.codec.http.HttpRequest;
import java.util.concurrent.TimeUnit;

/**
 * Watches what a connection receives, ahead of the HTTP decoder, with a check every {@link #CHECK_SECONDS} that
 * is scheduled only while there is something to watch: a request partly received, or a connection closing.
 * <p>
 * A client that stops sending midway through a request (a body shorter than its Content-Length, a request line
 * or headers never finished) would hold the connection forever. S3 answers such a request {@code 400
 * RequestTimeout} after about 20 seconds without a byte and closes; so does this server, in the protocol of the
 * request when its headers came, with a bare 400 when they did not. A connection idle between requests is left
 * open (SDKs keep them in pools), and so is one whose request is complete, waiting for its answer (a long poll),
 * or whose client waits for the server (earlier answers, {@code 100 Continue}, reading paused).
 * A request whose first bytes came in the same read as the end of the one before is timed from the next read.
 * <p>
 * After the last answer on a connection, the server does not close at once: closing a socket with unread input
 * makes the kernel send a reset, and a client still sending its request (a body over the limit, headers too
 * large) then reports "Connection reset" or "Broken pipe" instead of the answer. RFC 9112 section 9.6 asks for a
 * half-close (no more output) and reading on until the client closes, or for a while
 * (https://www.rfc-editor.org/rfc/rfc9112#section-9.6); what is read is dropped.
 * All state here is touched only on the channel's event loop.
 */
final class InputWatch extends ChannelInboundHandlerAdapter implements Runnable {
    static final long CHECK_SECONDS = 2;
    /** Checks without a byte before a partly received request times out: 20 to 22 s after its last byte. */
    static final int TIMEOUT_CHECKS = 10;
    /** A lingering connection closes at the first check that finds nothing read since the one before. */
    static final int MAX_LINGER_CHECKS = 15; // 30 s however long the client goes on sending

    private final ApiChannelHandler api;
    private Channel channel;
    /** Input came since the last check. */
    private boolean progressed;
    /** Bytes of a request came and the whole request has not yet. */
    private boolean partial;
    /** The start line and headers of the request partly received, once they came. */
    private HttpRequest headers;
    private boolean lingering;
    private boolean armed;
    private int checks;

    InputWatch(ApiChannelHandler api) {
        this.api = api;
    }

    @Override
    public void handlerAdded(ChannelHandlerContext ctx) {
        channel = ctx.channel();
    }

    @Override
    public void channelRead(ChannelHandlerContext ctx, Object msg) {
        progressed = true;
        partial = true;
        ctx.fireChannelRead(msg);
    }

    /** Everything read so far has gone through the decoder: what it left incomplete is timed from now on. */
    @Override
    public void channelReadComplete(ChannelHandlerContext ctx) {
        if (partial && !armed && !lingering) {
            checks = 0;
            arm();
        }
        ctx.fireChannelReadComplete();
    }

    /** A request's start line and headers came; its body may not have. */
    void headersReceived(HttpRequest start) {
        headers = start;
        partial = true;
    }

    /** A request came whole. */
    void requestReceived() {
        headers = null;
        partial = false;
    }

    /** Closes the connection once its last answer is written: at once if that failed, else lingering. */
    void closeAfter(ChannelFuture lastAnswer) {
        lastAnswer.addListener((ChannelFutureListener) written -> {
            Channel ch = written.channel();
            if (!written.isSuccess() || !(ch instanceof DuplexChannel duplex) || !ch.isActive()) {
                ch.close();
                return;
            }
            channel = ch;
            duplex.shutdownOutput().addListener(ChannelFutureListener.CLOSE_ON_FAILURE);
            lingering = true;
            progressed = false;
            checks = 0;
            ch.config().setAutoRead(true); // reading may have been paused for a client behind on its answers
            if (!armed) {
                arm();
            }
        });
    }

    private void arm() {
        armed = true;
        channel.eventLoop().schedule(this, CHECK_SECONDS, TimeUnit.SECONDS);
    }

    /** The check. */
    @Override
    public void run() {
        armed = false;
        if (!channel.isActive()) {
            return;
        }
        if (lingering) {
            if (!progressed || ++checks >= MAX_LINGER_CHECKS) {
                channel.close();
            } else {
                progressed = false;
                arm();
            }
        } else if (partial) {
            if (progressed || api.clientWaitsForServer()) {
                progressed = false;
                checks = 0;
                arm();
            } else if (++checks < TIMEOUT_CHECKS) {
                arm();
            } else {
                HttpRequest timedOut = headers;
                requestReceived();
                api.timedOut(timedOut);
            }
        }
    }
}
