package io.mailroom.http;

import io.netty.channel.EventLoopGroup;
import io.netty.channel.ServerChannel;
import io.netty.channel.epoll.Epoll;
import io.netty.channel.epoll.EpollEventLoopGroup;
import io.netty.channel.epoll.EpollServerSocketChannel;
import io.netty.channel.nio.NioEventLoopGroup;
import io.netty.channel.socket.nio.NioServerSocketChannel;
import io.netty.handler.codec.http.HttpObjectAggregator;
import io.netty.handler.codec.http.HttpServerCodec;
import java.util.concurrent.CompletableFuture;

/**
 * The event loops and socket type: native epoll where the platform has it, NIO elsewhere. Creating
 * them loads a good part of Netty, so {@link #prepareInBackground} lets that overlap with the rest of
 * start-up (reading the service models) on a second core.
 */
public record Transport(EventLoopGroup group, Class<? extends ServerChannel> serverChannel) {

    public static Transport create(int threads) {
        if (Epoll.isAvailable()) {
            return new Transport(new EpollEventLoopGroup(threads), EpollServerSocketChannel.class);
        }
        return new Transport(new NioEventLoopGroup(threads), NioServerSocketChannel.class);
    }

    public static CompletableFuture<Transport> prepareInBackground(int threads) {
        CompletableFuture<Transport> result = new CompletableFuture<>();
        Thread thread = new Thread(() -> {
            try {
                Transport transport = create(threads);
                // Touch the per-connection handlers so their classes are loaded before the first request.
                boolean unused = new HttpServerCodec().isSharable() | new HttpObjectAggregator(1).isSharable();
                result.complete(transport);
            } catch (Throwable e) {
                result.completeExceptionally(e);
            }
        }, "mailroom-transport-init");
        thread.setDaemon(true);
        thread.start();
        return result;
    }
}
