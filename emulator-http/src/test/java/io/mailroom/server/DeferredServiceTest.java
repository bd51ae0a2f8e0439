package io.mailroom.server;

import static org.assertj.core.api.Assertions.assertThat;

import io.mailroom.core.service.AwsService;
import io.mailroom.core.time.ServerClock;
import io.mailroom.sns.SnsService;
import io.mailroom.sqs.SqsService;
import io.mailroom.http.dispatch.DispatchSettings;
import io.mailroom.http.dispatch.Dispatcher;
import io.mailroom.http.internal.InternalEndpoint;
import io.mailroom.http.internal.SnsCertificateEndpoint;
import io.netty.buffer.Unpooled;
import io.netty.handler.codec.http.DefaultFullHttpRequest;
import io.netty.handler.codec.http.FullHttpRequest;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpMethod;
import io.netty.handler.codec.http.HttpVersion;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
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
    void theFirstRequestMakesTheServiceOffTheCallersThreadAndIsThenAnswered() throws Exception {
        CountDownLatch release = new CountDownLatch(1);
        AtomicReference<Thread> maker = new AtomicReference<>();
        OnFirstUse<SnsService> sns = heldBack(release, maker);
        Dispatcher dispatcher = new Dispatcher(java.util.List.of(DeferredService.of(SnsService.DESCRIPTOR, sns)),
                java.util.List.of(), new DispatchSettings("000000000000", "us-east-1", null, "127.0.0.1:4566"),
                clock);

        CompletableFuture<Dispatcher.Reply> first = dispatcher.dispatch(listTopics());
        assertThat(first).isNotDone();
        release.countDown();
        Dispatcher.Reply reply = first.get(10, TimeUnit.SECONDS);

        assertThat(maker.get()).isNotNull().isNotSameAs(Thread.currentThread());
        assertThat(reply.response().status()).isEqualTo(200);
        assertThat(new String(reply.response().body(), StandardCharsets.UTF_8)).contains("<ListTopicsResponse");
        // Made: later requests are answered on the caller's thread, as every other one is.
        assertThat(dispatcher.dispatch(listTopics())).isDone();
    }

    @Test
    void aDeveloperEndpointThatReadsADeferredServiceIsRunOnceItIsMadeOffTheCallersThread() throws Exception {
        CountDownLatch release = new CountDownLatch(1);
        AtomicReference<Thread> maker = new AtomicReference<>();
        OnFirstUse<SnsService> sns = heldBack(release, maker);
        AtomicReference<Thread> handledOn = new AtomicReference<>();
        InternalEndpoint certificate = new SnsCertificateEndpoint(() -> {
            handledOn.set(Thread.currentThread());
            return sns.get();
        });
        Dispatcher dispatcher = new Dispatcher(java.util.List.of(),
                java.util.List.of(new EndpointOnFirstUse(java.util.List.of(sns), certificate)),
                new DispatchSettings("000000000000", "us-east-1", null, "127.0.0.1:4566"),
                clock);

        CompletableFuture<Dispatcher.Reply> first = dispatcher.dispatch(get(SnsService.certificatePath()));
        assertThat(first).isNotDone();
        release.countDown();
        Dispatcher.Reply reply = first.get(10, TimeUnit.SECONDS);

        assertThat(maker.get()).isNotNull().isNotSameAs(Thread.currentThread());
        assertThat(reply.response().status()).isEqualTo(200);
        assertThat(new String(reply.response().body(), StandardCharsets.UTF_8))
                .startsWith("-----BEGIN CERTIFICATE-----");
        // Made: later requests are answered on the caller's thread.
        assertThat(dispatcher.dispatch(get(SnsService.certificatePath()))).isDone();
        assertThat(handledOn.get()).isSameAs(Thread.currentThread());
    }

    /** SNS, made only once {@code release} is counted down, telling which thread made it. */
    private OnFirstUse<SnsService> heldBack(CountDownLatch release, AtomicReference<Thread> maker) {
        return new OnFirstUse<>(() -> {
            maker.set(Thread.currentThread());
            try {
                release.await(10, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            return new SnsService(clock, clock, null, null);
        });
    }

    private static FullHttpRequest get(String path) {
        FullHttpRequest request = new DefaultFullHttpRequest(HttpVersion.HTTP_1_1, HttpMethod.GET, path);
        request.headers().set(HttpHeaderNames.HOST, "127.0.0.1:4566");
        return request;
    }

    @Test
    void callersWaitingMeanwhileShareOneMakingAndAFailedOneIsTriedAgain() throws Exception {
        CountDownLatch release = new CountDownLatch(1);
        AtomicInteger makings = new AtomicInteger();
        OnFirstUse<SnsService> sns = new OnFirstUse<>(() -> {
            makings.incrementAndGet();
            try {
                release.await(10, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            return new SnsService(clock, clock, null, null);
        });

        CompletableFuture<Void> first = sns.madeOffThisThread();
        CompletableFuture<Void> second = sns.madeOffThisThread();
        release.countDown();
        CompletableFuture.allOf(first, second).get(10, TimeUnit.SECONDS);
        assertThat(makings).hasValue(1);
        assertThat(sns.madeOffThisThread()).isDone();

        AtomicInteger attempts = new AtomicInteger();
        OnFirstUse<Object> flaky = new OnFirstUse<>(() -> {
            if (attempts.incrementAndGet() == 1) {
                throw new IllegalStateException("broken on purpose, once");
            }
            return new Object();
        });
        CompletableFuture<Void> failed = flaky.madeOffThisThread();
        assertThat(failed).failsWithin(10, TimeUnit.SECONDS);
        flaky.madeOffThisThread().get(10, TimeUnit.SECONDS);
        assertThat(flaky.made()).isTrue();
        assertThat(attempts).hasValue(2);
    }

    @Test
    void aServiceThatCannotBeMadeAnswersInternalFailure() throws Exception {
        OnFirstUse<SnsService> sns = new OnFirstUse<>(() -> {
            throw new IllegalStateException("broken on purpose");
        });
        Dispatcher dispatcher = new Dispatcher(java.util.List.of(DeferredService.of(SnsService.DESCRIPTOR, sns)),
                java.util.List.of(), new DispatchSettings("000000000000", "us-east-1", null, "127.0.0.1:4566"),
                clock);

        Dispatcher.Reply reply = dispatcher.dispatch(listTopics()).get(10, TimeUnit.SECONDS);

        assertThat(reply.response().status()).isEqualTo(500);
        assertThat(new String(reply.response().body(), StandardCharsets.UTF_8)).contains("<Code>InternalFailure</Code>");
    }

    /** A client's CreateBucket then GetBucket, both waiting for S3 to be made, must run in that order. */
    @Test
    void callersWaitingMeanwhileGoOnInTheOrderTheyCame() throws Exception {
        CountDownLatch release = new CountDownLatch(1);
        OnFirstUse<SnsService> sns = heldBack(release, new AtomicReference<>());
        java.util.List<Integer> order = java.util.Collections.synchronizedList(new java.util.ArrayList<>());
        java.util.List<CompletableFuture<Void>> waiting = new java.util.ArrayList<>();
        for (int i = 0; i < 5; i++) {
            int caller = i;
            waiting.add(sns.madeOffThisThread().thenRun(() -> order.add(caller)));
        }

        release.countDown();
        CompletableFuture.allOf(waiting.toArray(CompletableFuture[]::new)).get(10, TimeUnit.SECONDS);

        assertThat(order).containsExactly(0, 1, 2, 3, 4);
    }

    /** The client of a long poll sent while SQS was made went away: the next message goes to a receive still there. */
    @org.junit.jupiter.params.ParameterizedTest(name = "left before the service was made: {0}")
    @org.junit.jupiter.params.provider.ValueSource(booleans = {true, false})
    void aLongPollSentWhileTheServiceIsMadeIsWithdrawnWhenItsClientLeaves(boolean leftBeforeMade) throws Exception {
        CountDownLatch release = new CountDownLatch(1);
        SqsService made = new SqsService(clock, clock);
        OnFirstUse<SqsService> sqs = new OnFirstUse<>(() -> {
            try {
                release.await(10, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            return made;
        });
        Dispatcher dispatcher = new Dispatcher(java.util.List.of(DeferredService.of(made.descriptor(), sqs)),
                java.util.List.of(), new DispatchSettings("000000000000", "us-east-1", null, "127.0.0.1:4566"),
                clock);
        String queue = "{\"QueueUrl\":\"http://127.0.0.1:4566/000000000000/q\"";
        CompletableFuture<Dispatcher.Reply> created = dispatcher.dispatch(sqs("CreateQueue", "{\"QueueName\":\"q\"}"));
        CompletableFuture<Dispatcher.Reply> poll = dispatcher.dispatch(sqs("ReceiveMessage",
                queue + ",\"WaitTimeSeconds\":20}"));
        if (leftBeforeMade) {
            poll.cancel(false);
        }

        release.countDown();
        sqs.madeOffThisThread().get(10, TimeUnit.SECONDS); // the callers before have gone on, in turn
        created.get(10, TimeUnit.SECONDS);
        if (!leftBeforeMade) {
            assertThat(poll).as("parked").isNotDone();
            poll.cancel(false);
        }
        dispatcher.dispatch(sqs("SendMessage", queue + ",\"MessageBody\":\"after the hang-up\"}"))
                .get(10, TimeUnit.SECONDS);

        Dispatcher.Reply received = dispatcher.dispatch(sqs("ReceiveMessage", queue + "}")).get(10, TimeUnit.SECONDS);
        assertThat(new String(received.response().body(), StandardCharsets.UTF_8)).contains("after the hang-up");
    }

    private static FullHttpRequest sqs(String operation, String json) {
        FullHttpRequest request = new DefaultFullHttpRequest(HttpVersion.HTTP_1_1, HttpMethod.POST, "/",
                Unpooled.copiedBuffer(json, StandardCharsets.UTF_8));
        request.headers().set("Host", "127.0.0.1:4566").set("Content-Type", "application/x-amz-json-1.0")
                .set("X-Amz-Target", "AmazonSQS." + operation);
        return request;
    }

    private static FullHttpRequest listTopics() {
        FullHttpRequest request = new DefaultFullHttpRequest(HttpVersion.HTTP_1_1, HttpMethod.POST, "/",
                Unpooled.copiedBuffer("Action=ListTopics&Version=2010-03-31", StandardCharsets.UTF_8));
        request.headers().set(HttpHeaderNames.HOST, "127.0.0.1:4566");
        request.headers().set(HttpHeaderNames.CONTENT_TYPE, "application/x-www-form-urlencoded; charset=utf-8");
        request.headers().set(HttpHeaderNames.AUTHORIZATION, "AWS4-HMAC-SHA256 "
                + "Credential=AKIDEXAMPLE/20261121/us-east-1/sns/aws4_request, SignedHeaders=host, Signature=00");
        return request;
    }

    @Test
    void askingWhetherATopicExistsDoesNotMakeSnsPublishingDoes() {
        AtomicInteger made = new AtomicInteger();
        OnFirstUse<SnsService> sns = new OnFirstUse<>(() -> {
            made.incrementAndGet();
            return new SnsService(clock, clock, null, null);
        });
        io.mailroom.core.delivery.TopicPublisher topics = DeferredPorts.topics(sns);
        String arn = "arn:aws:sns:us-east-1:000000000000:orders";

        assertThat(topics.exists(arn)).isFalse();
        assertThat(made).hasValue(0);

        var createTopic = (io.mailroom.core.service.Handler.Sync) sns.get().operations().find("CreateTopic").orElseThrow();
        createTopic.handle(new io.mailroom.core.request.RequestContext("000000000000", "us-east-1", "r1", null),
                com.fasterxml.jackson.databind.node.JsonNodeFactory.instance.objectNode().put("Name", "orders"));
        assertThat(topics.exists(arn)).isTrue();
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
