package io.mailroom.http;

import io.mailroom.core.error.CommonErrors;
import io.mailroom.http.dispatch.Dispatcher;
import io.netty.bootstrap.ServerBootstrap;
import io.netty.channel.AdaptiveRecvByteBufAllocator;
import io.netty.channel.Channel;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.ChannelOption;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.socket.SocketChannel;
import io.netty.handler.codec.http.HttpMessage;
import io.netty.handler.codec.http.HttpObjectAggregator;
import io.netty.handler.codec.http.HttpServerCodec;
import java.net.InetSocketAddress;
import java.util.concurrent.TimeUnit;

/** The Netty HTTP/1.1 listener: keep-alive, pipelining, a request body limit. */
public final class HttpServer implements AutoCloseable {
    /**
     * Reads into buffers of at least 16 KiB, growing to 64 KiB for large bodies. Netty's default starts at
     * 2 KiB and shrinks after small reads, so a client alternating small calls with 10-message batches
     * (~12 KiB) needed two or three reads per batch; the buffers are pooled and released with the request.
     */
    private static final AdaptiveRecvByteBufAllocator READ_BUFFERS =
            new AdaptiveRecvByteBufAllocator(16 * 1024, 16 * 1024, 64 * 1024);

    private final EventLoopGroup group;
    private final Channel channel;

    private HttpServer(EventLoopGroup group, Channel channel) {
        this.group = group;
        this.channel = channel;
    }

    public static HttpServer start(String host, int port, int maxBodyBytes, Transport transport, Dispatcher dispatcher)
            throws InterruptedException {
        EventLoopGroup group = transport.group();
        try {
            ServerBootstrap bootstrap = new ServerBootstrap()
                    .group(group)
                    .channel(transport.serverChannel())
                    .option(ChannelOption.SO_BACKLOG, 1024)
                    .childOption(ChannelOption.TCP_NODELAY, true)
                    .childOption(ChannelOption.RCVBUF_ALLOCATOR, READ_BUFFERS)
                    .childHandler(new ChannelInitializer<SocketChannel>() {
                        @Override
                        protected void initChannel(SocketChannel ch) {
                            ch.pipeline()
                                    .addLast("http", new HttpServerCodec(64 * 1024, 64 * 1024, 64 * 1024))
                                    .addLast("aggregate", new BodyLimit(maxBodyBytes))
                                    .addLast("api", new ApiChannelHandler(dispatcher));
                        }
                    });
            return new HttpServer(group, ListenException.bind(bootstrap, new InetSocketAddress(host, port), "HTTP"));
        } catch (InterruptedException | RuntimeException e) {
            group.shutdownGracefully(0, 0, TimeUnit.MILLISECONDS);
            throw e;
        }
    }

    public int port() {
        return ((InetSocketAddress) channel.localAddress()).getPort();
    }

    /** Stops accepting, lets in-flight exchanges finish for a moment, then closes every connection. */
    @Override
    public void close() {
        channel.close().syncUninterruptibly();
        group.shutdownGracefully(100, 2000, TimeUnit.MILLISECONDS).syncUninterruptibly();
    }

    /**
     * The aggregator, named for what it enforces here. A body over the limit is answered with an AWS
     * error in the protocol the request used, and the connection closes (the rest of the body is unread).
     */
    private static final class BodyLimit extends HttpObjectAggregator {
        private final int maxBodyBytes;

        BodyLimit(int maxBodyBytes) {
            super(maxBodyBytes, true);
            this.maxBodyBytes = maxBodyBytes;
        }

        @Override
        protected void handleOversizedMessage(ChannelHandlerContext ctx, HttpMessage oversized) {
            LastAnswer.send(ctx, oversized, CommonErrors.REQUEST_ENTITY_TOO_LARGE.exception(
                    "Request body must be no longer than %d bytes.", maxBodyBytes), "oversized");
        }
    }
}
