package io.mailroom.smtp;

import io.netty.channel.nio.NioEventLoopGroup;
import io.netty.channel.socket.nio.NioServerSocketChannel;
import java.util.concurrent.TimeUnit;

/** A real listener on a free port, over the fake backend, with its own event loops. */
final class SmtpTestServer implements AutoCloseable {
    static final String ACCOUNT = "000000000000";
    static final String REGION = "us-east-1";

    final FakeBackend backend = new FakeBackend();
    private final NioEventLoopGroup group = new NioEventLoopGroup(2);
    private final SmtpServer server;

    SmtpTestServer(SmtpSettings settings) {
        try {
            server = SmtpServer.start("127.0.0.1", settings.withPort(0), ACCOUNT, REGION, backend, group,
                    NioServerSocketChannel.class);
        } catch (InterruptedException e) {
            throw new IllegalStateException(e);
        }
    }

    int port() {
        return server.port();
    }

    @Override
    public void close() {
        server.close();
        group.shutdownGracefully(0, 1, TimeUnit.SECONDS).syncUninterruptibly();
    }
}
