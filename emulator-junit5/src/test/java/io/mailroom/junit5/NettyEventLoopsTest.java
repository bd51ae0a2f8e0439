package io.mailroom.junit5;

import static org.assertj.core.api.Assertions.assertThat;

import io.mailroom.server.Mailroom;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.sqs.SqsAsyncClient;

/** Async SDK clients share the run's event loops, so closing a server does not wait for Netty to wind down. */
class NettyEventLoopsTest {
    /** Netty's quiet period is 2 s; this only tells "waited for it" from "did not", it times nothing finer. */
    private static final Duration WELL_UNDER_THE_QUIET_PERIOD = Duration.ofMillis(1500);

    @Test
    void closingAServerLeavesTheSharedEventLoopsToTheNextServersClients() throws Exception {
        NettyEventLoops eventLoops = new NettyEventLoops();
        RunningServer first = new RunningServer(Mailroom.startOnFreePort(), eventLoops);
        ((SqsAsyncClient) first.client(SqsAsyncClient.class)).createQueue(b -> b.queueName("first")).join();

        long start = System.nanoTime();
        first.close();
        Duration closing = Duration.ofNanos(System.nanoTime() - start);

        assertThat(NettyHttp.isShutDown(eventLoops.group())).isFalse();
        assertThat(closing).isLessThan(WELL_UNDER_THE_QUIET_PERIOD);
        RunningServer second = new RunningServer(Mailroom.startOnFreePort(), eventLoops);
        try {
            SqsAsyncClient sqs = (SqsAsyncClient) second.client(SqsAsyncClient.class);
            assertThat(sqs.createQueue(b -> b.queueName("second")).join().queueUrl()).endsWith("/second");
        } finally {
            second.close();
        }

        Object group = eventLoops.group();
        eventLoops.close();
        assertThat(NettyHttp.isShutDown(group)).isTrue();
    }
}
