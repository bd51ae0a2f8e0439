package io.mailroom.server;

import static org.assertj.core.api.Assertions.assertThat;

import io.mailroom.core.service.AwsService;
import io.mailroom.core.time.ServerClock;
import io.mailroom.sns.SnsService;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class DeferredServiceTest {
    private final ServerClock clock = ServerClock.manual(java.time.Instant.EPOCH);

    @Test
    void routingAndResetDoNotMakeTheServiceTheFirstRequestDoes() {
        AtomicInteger made = new AtomicInteger();
        OnFirstUse<SnsService> sns = new OnFirstUse<>(() -> {
            made.incrementAndGet();
            return new SnsService(clock, clock, null, null);
        });
        AwsService deferred = DeferredService.of(SnsService.DESCRIPTOR, sns);

        assertThat(deferred.descriptor().signingName()).isEqualTo("sns");
        deferred.reset();
        assertThat(made).hasValue(0);

        assertThat(deferred.operations().find("Publish")).isPresent();
        assertThat(deferred.operations()).isSameAs(sns.get().operations());
        assertThat(made).hasValue(1);
    }

    @Test
    void concurrentFirstUsesMakeOneInstance() throws Exception {
        AtomicInteger made = new AtomicInteger();
        CountDownLatch start = new CountDownLatch(1);
        OnFirstUse<Object> once = new OnFirstUse<>(() -> {
            made.incrementAndGet();
            return new Object();
        });
        ExecutorService pool = Executors.newFixedThreadPool(8);
        try {
            java.util.List<Future<Object>> results = new java.util.ArrayList<>();
            for (int i = 0; i < 8; i++) {
                results.add(pool.submit(() -> {
                    start.await();
                    return once.get();
                }));
            }
            start.countDown();
            Object first = results.get(0).get(10, TimeUnit.SECONDS);
            for (Future<Object> r : results) {
                assertThat(r.get(10, TimeUnit.SECONDS)).isSameAs(first);
            }
            assertThat(made).hasValue(1);
        } finally {
            pool.shutdownNow();
        }
    }
}
