package io.mailroom.smtp;

import io.mailroom.http.ListenException;
import io.netty.bootstrap.ServerBootstrap;
import io.netty.channel.Channel;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.ChannelOption;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.ServerChannel;
import io.netty.channel.socket.SocketChannel;
import io.netty.handler.timeout.IdleStateHandler;
import java.net.InetSocketAddress;
import java.util.concurrent.TimeUnit;

/**
 * The SMTP listener, SES's SMTP interface: ESMTP with STARTTLS and AUTH PLAIN/LOGIN for submission, and
 * unauthenticated delivery to addresses the active receipt rule set takes. It runs on the event loops it is
 * given (the HTTP server's) and does not own them.
 */
public final class SmtpServer implements AutoCloseable {
    private final Channel channel;

    private SmtpServer(Channel channel) {
        this.channel = channel;
    }

    /**
     * Binds and starts accepting.
     *
     * @param host           address to bind
     * @param settings       port, credentials, TLS and limits
     * @param defaultAccount account for SMTP user names that are not 12-digit account ids
     * @param region         region submitted mail is sent in, and whose SMTP password is accepted
     */
    public static SmtpServer start(String host, SmtpSettings settings, String defaultAccount, String region,
                                   SmtpBackend backend, EventLoopGroup group,
                                   Class<? extends ServerChannel> channelType) throws InterruptedException {
        String hostname = "0.0.0.0".equals(host) || host.contains(":") ? "localhost" : host;
        TlsContexts tls = TlsContexts.of(settings.tlsCertificate(), settings.tlsKey(), hostname);
        SmtpEnvironment env = new SmtpEnvironment(backend,
                new SmtpCredentials(settings.acceptAnyCredentials(), settings.secret(), region),
                hostname, defaultAccount, region, settings.maxMessageBytes(), settings.maxRecipients(), true);
        long idleMillis = settings.idleTimeout().toMillis();
        ServerBootstrap bootstrap = new ServerBootstrap()
                .group(group)
                .channel(channelType)
                .option(ChannelOption.SO_BACKLOG, 128)
                .childOption(ChannelOption.TCP_NODELAY, true)
                .childHandler(new ChannelInitializer<SocketChannel>() {
                    @Override
                    protected void initChannel(SocketChannel ch) {
                        ch.pipeline()
                                .addLast("idle", new IdleStateHandler(idleMillis, 0, 0, TimeUnit.MILLISECONDS))
                                .addLast("smtp", new SmtpChannelHandler(env, tls));
                    }
                });
        return new SmtpServer(ListenException.bind(bootstrap, new InetSocketAddress(host, settings.port()), "SMTP"));
    }

    public int port() {
        return ((InetSocketAddress) channel.localAddress()).getPort();
    }

    /** Stops accepting; open sessions end when their event loop group shuts down. */
    @Override
    public void close() {
        channel.close().syncUninterruptibly();
    }
}
