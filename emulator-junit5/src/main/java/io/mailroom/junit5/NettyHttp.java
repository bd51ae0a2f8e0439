package io.mailroom.junit5;

import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import software.amazon.awssdk.http.async.SdkAsyncHttpClient;
import software.amazon.awssdk.http.nio.netty.NettyNioAsyncHttpClient;
import software.amazon.awssdk.http.nio.netty.SdkEventLoopGroup;

/**
 * The only class naming the SDK's Netty async HTTP client, loaded only when {@link AwsSdk#hasNetty()}.
 * A Netty client that makes its own event loops shuts them down when it is closed and waits out Netty's
 * 2 s quiet period, which made every server with an async client take 2 s to close. A group given to the
 * builder is not the client's to shut down, so all async clients the extension makes share one, and
 * {@link NettyEventLoops} shuts it down once.
 */
final class NettyHttp {
    private NettyHttp() {
    }

    static Object newEventLoopGroup() {
        return SdkEventLoopGroup.builder().threadFactory(new DaemonThreads()).build();
    }

    static SdkAsyncHttpClient.Builder<?> builder(Object eventLoopGroup) {
        return NettyNioAsyncHttpClient.builder().eventLoopGroup((SdkEventLoopGroup) eventLoopGroup);
    }

    static boolean isShutDown(Object eventLoopGroup) {
        return ((SdkEventLoopGroup) eventLoopGroup).eventLoopGroup().isShuttingDown();
    }

    static void shutDown(Object eventLoopGroup) {
        // Not waited for: no client is left to use it, and waiting would only put the quiet period back at
        // the end of the test run. The threads are daemons, so they cannot keep the JVM alive meanwhile.
        ((SdkEventLoopGroup) eventLoopGroup).eventLoopGroup().shutdownGracefully(0, 1, TimeUnit.SECONDS);
    }

    /** Daemon threads, so that a run that never closes the group (a killed engine) still lets the JVM exit. */
    private static final class DaemonThreads implements ThreadFactory {
        private final AtomicInteger count = new AtomicInteger();

        @Override
        public Thread newThread(Runnable task) {
            Thread thread = new Thread(task, "mailroom-junit5-sdk-netty-" + count.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        }
    }
}
