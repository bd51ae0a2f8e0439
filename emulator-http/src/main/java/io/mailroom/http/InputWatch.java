package io.mailroom.http;

import io.netty.channel.Channel;
import io.netty.channel.ChannelFuture;
import io.netty.channel.ChannelFutureListener;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.channel.socket.DuplexChannel;
import java.util.concurrent.TimeUnit;

/**
 * Watches what a connection receives, ahead of the HTTP decoder, with a check every {@link #CHECK_SECONDS} that
 * is scheduled only while there is something to watch.
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
    /** A lingering connection closes at the first check that finds nothing read since the one before. */
    static final int MAX_LINGER_CHECKS = 15; // 30 s however long the client goes on sending

    private Channel channel;
    /** Input came since the last check. */
    private boolean progressed;
    private boolean lingering;
    private boolean armed;
    private int checks;

    @Override
    public void handlerAdded(ChannelHandlerContext ctx) {
        channel = ctx.channel();
    }

    @Override
    public void channelRead(ChannelHandlerContext ctx, Object msg) {
        progressed = true;
        ctx.fireChannelRead(msg);
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
        }
    }
}
