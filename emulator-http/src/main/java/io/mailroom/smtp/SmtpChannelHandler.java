package io.mailroom.smtp;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import io.netty.channel.ChannelFutureListener;
import io.netty.channel.ChannelHandlerContext;
import io.netty.handler.codec.ByteToMessageDecoder;
import io.netty.handler.ssl.SslContext;
import io.netty.handler.ssl.SslHandler;
import io.netty.handler.timeout.IdleStateEvent;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Bytes to and from one {@link SmtpSession}. Frames command lines itself rather than with a
 * LineBasedFrameDecoder because the same byte stream switches between command lines and message data
 * (and, after STARTTLS, to TLS) at points only the session knows; pipelined commands and the data after
 * them are taken in order from the one buffer.
 */
final class SmtpChannelHandler extends ByteToMessageDecoder {
    private static final Logger LOG = LoggerFactory.getLogger(SmtpChannelHandler.class);

    private final SmtpEnvironment env;
    private final TlsContexts tls;
    private SmtpSession session;
    private DataCollector data;
    /** Inside a line longer than any allowed: its bytes are dropped until its end, then it is answered. */
    private boolean discardingLine;
    private boolean closing;

    SmtpChannelHandler(SmtpEnvironment env, TlsContexts tls) {
        this.env = env;
        this.tls = tls;
    }

    @Override
    public void channelActive(ChannelHandlerContext ctx) throws Exception {
        String remoteIp = ctx.channel().remoteAddress() instanceof InetSocketAddress a
                ? a.getAddress().getHostAddress() : "127.0.0.1";
        session = new SmtpSession(env, remoteIp);
        tls.prepare();
        // Clients wait for the greeting before their first command.
        whenDone(ctx, env.backend().ready(), () -> reply(ctx, session.greeting()));
        super.channelActive(ctx);
    }

    /**
     * Runs {@code then} now if {@code pending} is done; else reads nothing until it is, then runs {@code then} on
     * the channel's event loop and reads again.
     */
    private static void whenDone(ChannelHandlerContext ctx, CompletableFuture<?> pending, Runnable then) {
        if (pending.isDone()) {
            then.run();
            return;
        }
        ctx.channel().config().setAutoRead(false);
        pending.whenComplete((done, failure) -> ctx.executor().execute(() -> {
            if (ctx.channel().isActive()) {
                then.run();
                ctx.channel().config().setAutoRead(true);
            }
        }));
    }

    @Override
    protected void decode(ChannelHandlerContext ctx, ByteBuf in, List<Object> out) {
        while (in.isReadable() && !closing) {
            if (data != null) {
                DataCollector.Result result = data.feed(in);
                if (result == null) {
                    return;
                }
                data = null;
                reply(ctx, session.endOfData(result));
                continue;
            }
            int lf = in.indexOf(in.readerIndex(), in.writerIndex(), (byte) '\n');
            if (lf < 0) {
                if (in.readableBytes() > SmtpSession.MAX_AUTH_LINE) {
                    discardingLine = true;
                    in.skipBytes(in.readableBytes());
                }
                return;
            }
            int octets = lf - in.readerIndex() + 1;
            if (discardingLine || octets > SmtpSession.MAX_AUTH_LINE) {
                discardingLine = false;
                in.skipBytes(octets);
                reply(ctx, SmtpSession.Outcome.of(SmtpReply.LINE_TOO_LONG));
                continue;
            }
            boolean crlf = octets >= 2 && in.getByte(lf - 1) == '\r';
            String line = in.toString(in.readerIndex(), octets - (crlf ? 2 : 1), StandardCharsets.UTF_8);
            in.skipBytes(octets);
            SmtpSession.Outcome outcome = session.line(line, octets, !crlf);
            reply(ctx, outcome);
            if (outcome.effect() == SmtpSession.Effect.START_TLS) {
                // RFC 3207 5 (and CVE-2011-0411): what the client pipelined behind STARTTLS was sent in the
                // clear and must not be taken as if it came through TLS.
                in.skipBytes(in.readableBytes());
                return;
            }
        }
        if (closing) {
            in.skipBytes(in.readableBytes());
        }
    }

    private void reply(ChannelHandlerContext ctx, SmtpReply reply) {
        ctx.writeAndFlush(Unpooled.wrappedBuffer(reply.encode()));
    }

    private void reply(ChannelHandlerContext ctx, SmtpSession.Outcome outcome) {
        switch (outcome.effect()) {
            case NONE -> reply(ctx, outcome.reply());
            case START_DATA -> {
                reply(ctx, outcome.reply());
                data = new DataCollector(env.maxMessageBytes());
            }
            case CLOSE -> {
                closing = true;
                ctx.writeAndFlush(Unpooled.wrappedBuffer(outcome.reply().encode()))
                        .addListener(ChannelFutureListener.CLOSE);
            }
            case START_TLS -> {
                // The certificate made for the first connection (an RSA key) may still be on its way.
                CompletableFuture<SslContext> context = tls.prepare();
                whenDone(ctx, context, () -> startTls(ctx, context, outcome.reply()));
            }
        }
    }

    private void startTls(ChannelHandlerContext ctx, CompletableFuture<SslContext> context, SmtpReply ready) {
        if (context.isCompletedExceptionally()) {
            LOG.error("no TLS context for STARTTLS", context.handle((c, e) -> e).join());
            closing = true;
            ctx.close();
            return;
        }
        // startTls=true lets the 220 out in the clear; the handshake follows it.
        ctx.pipeline().addFirst("tls", new SslHandler(context.join().newEngine(ctx.alloc()), true));
        reply(ctx, ready);
        session.tlsStarted();
    }

    /** RFC 5321 4.5.3.2.7: the server may give up on a silent client; SES says why first. */
    @Override
    public void userEventTriggered(ChannelHandlerContext ctx, Object evt) throws Exception {
        if (evt instanceof IdleStateEvent && !closing) {
            reply(ctx, new SmtpSession.Outcome(SmtpReply.TIMEOUT, SmtpSession.Effect.CLOSE));
            return;
        }
        super.userEventTriggered(ctx, evt);
    }

    @Override
    public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
        // A failed TLS handshake or a reset connection: nothing to answer, nobody to answer to.
        LOG.debug("SMTP connection from {} closed: {}", ctx.channel().remoteAddress(), cause.toString());
        closing = true;
        ctx.close();
    }
}
