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
    /** Netty's own setting for the number of event loops; when set, it is taken as it is. */
    static final String THREADS_PROPERTY = "io.netty.eventLoopThreads";

    /**
     * One event loop per four cores, at least one. Mailroom shares its machine with the clients that
     * test against it, and an AWS SDK client spends several times the server's CPU on each call, so the
     * server rarely keeps more than a core busy; with a loop per core each loop mostly sleeps and is
     * woken for one request or two. On 2 cores one loop took 14–28 % less CPU per call than two, with
     * more throughput (docs/performance.md#event-loop-threads).
     */
    public static int defaultThreads() {
        Integer configured = Integer.getInteger(THREADS_PROPERTY);
        if (configured != null && configured > 0) {
            return configured;
        }
        return threadsFor(Runtime.getRuntime().availableProcessors());
    }

    static int threadsFor(int cores) {
        return Math.max(1, cores / 4);
    }

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
