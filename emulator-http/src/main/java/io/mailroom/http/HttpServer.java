package io.mailroom.http;

import io.mailroom.http.dispatch.Dispatcher;
import io.netty.bootstrap.ServerBootstrap;
import io.netty.channel.Channel;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.ChannelOption;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.socket.SocketChannel;
import io.netty.handler.codec.http.HttpObjectAggregator;
import io.netty.handler.codec.http.HttpServerCodec;
import java.net.InetSocketAddress;
import java.util.concurrent.TimeUnit;

/** The Netty HTTP/1.1 listener: keep-alive, pipelining, a request body limit. */
public final class HttpServer implements AutoCloseable {
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
            Channel channel = new ServerBootstrap()
                    .group(group)
                    .channel(transport.serverChannel())
                    .option(ChannelOption.SO_BACKLOG, 1024)
                    .childOption(ChannelOption.TCP_NODELAY, true)
                    .childHandler(new ChannelInitializer<SocketChannel>() {
                        @Override
                        protected void initChannel(SocketChannel ch) {
                            ch.pipeline()
                                    .addLast("http", new HttpServerCodec(64 * 1024, 64 * 1024, 64 * 1024))
                                    .addLast("aggregate", new BodyLimit(maxBodyBytes))
                                    .addLast("api", new ApiChannelHandler(dispatcher));
                        }
                    })
                    .bind(new InetSocketAddress(host, port)).sync().channel();
            return new HttpServer(group, channel);
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

    /** The aggregator, named for what it enforces here. */
    private static final class BodyLimit extends HttpObjectAggregator {
        BodyLimit(int maxBodyBytes) {
            super(maxBodyBytes, true);
        }
    }
}
