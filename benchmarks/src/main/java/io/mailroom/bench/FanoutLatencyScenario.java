package io.mailroom.bench;

import java.time.Duration;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.model.Message;
import software.amazon.awssdk.services.sqs.model.ReceiveMessageResponse;

/**
 * Publish → receive through SNS, like {@link LongPollScenario} for SQS: this thread waits in
 * ReceiveMessage(WaitTimeSeconds=20) on the one queue subscribed to a topic, while a second thread
 * publishes after a random 5–30 ms. The figure is from the start of the Publish call to the waiting
 * receive's response, for raw delivery (made inside the Publish request) and for enveloped delivery
 * (signed and delivered afterwards on the server's signing thread). Compare with longpoll's
 * send_start_to_receive for plain SQS.
 */
final class FanoutLatencyScenario implements Scenario {
    private static final int WAIT_SECONDS = 20;
    private static final long MIN_DELAY_NANOS = TimeUnit.MILLISECONDS.toNanos(5);
    private static final long MAX_DELAY_NANOS = TimeUnit.MILLISECONDS.toNanos(30);
    private static final Duration MAX_WARMUP = Duration.ofSeconds(2);
    private static final int MAX_WARMUP_ITERATIONS = 200;
    /** Bounds each delivery mode even if every poll ran to its timeout. */
    private static final Duration TIME_LIMIT = Duration.ofSeconds(60);

    @Override
    public ScenarioResult run(BenchContext ctx) throws Exception {
        ScenarioResult.Builder result = ctx.result(ScenarioKind.FANOUTLATENCY);
        ExecutorService publisher = Executors.newSingleThreadExecutor(r -> {
            Thread t = new Thread(r, "fanout-publisher");
            t.setDaemon(true);
            return t;
        });
        long missed = 0;
        try {
            for (boolean raw : new boolean[] {true, false}) {
                String prefix = raw ? "raw_" : "env_";
                try (FanoutTopic topic = FanoutTopic.create(ctx.sns(), ctx.sqs(), raw ? "fanoutlat-raw" : "fanoutlat-env",
                        1, raw)) {
                    Run warm = new Run(ctx.sqs(), topic, publisher);
                    long warmDeadline = System.nanoTime() + min(ctx.options().warmup(), MAX_WARMUP).toNanos();
                    for (int i = 0; i < MAX_WARMUP_ITERATIONS && System.nanoTime() < warmDeadline; i++) {
                        warm.iteration();
                    }
                    Run run = new Run(ctx.sqs(), topic, publisher);
                    long deadline = System.nanoTime() + TIME_LIMIT.toNanos();
                    for (int i = 0; i < ctx.options().longPollIterations() && System.nanoTime() < deadline; i++) {
                        run.iteration();
                    }
                    result.add(prefix + "iterations", run.endToEnd.size(), "")
                            .latency(prefix + "publish_to_receive_", run.endToEnd.percentiles())
                            .latency(prefix + "publish_call_", run.publishCall.percentiles())
                            .add(prefix + "missed", run.missed, "");
                    missed += run.missed;
                }
            }
        } finally {
            publisher.shutdownNow();
        }
        return result.add("errors", missed, "").build();
    }

    private static Duration min(Duration a, Duration b) {
        return a.compareTo(b) <= 0 ? a : b;
    }

    /** One series of iterations: its samples and misses. */
    private static final class Run {
        final SqsClient sqs;
        final FanoutTopic topic;
        final String url;
        final ExecutorService publisher;
        final LatencySamples endToEnd = new LatencySamples();
        final LatencySamples publishCall = new LatencySamples();
        int missed;

        Run(SqsClient sqs, FanoutTopic topic, ExecutorService publisher) {
            this.sqs = sqs;
            this.topic = topic;
            this.url = topic.sentinelUrl();
            this.publisher = publisher;
        }

        void iteration() throws Exception {
            long delay = ThreadLocalRandom.current().nextLong(MIN_DELAY_NANOS, MAX_DELAY_NANOS);
            Future<long[]> publish = publisher.submit(() -> {
                LockSupport.parkNanos(delay);
                long start = System.nanoTime();
                topic.publish();
                return new long[] {start, System.nanoTime()};
            });
            ReceiveMessageResponse r = sqs.receiveMessage(
                    b -> b.queueUrl(url).maxNumberOfMessages(1).waitTimeSeconds(WAIT_SECONDS));
            long received = System.nanoTime();
            long[] published = publish.get(WAIT_SECONDS + 10, TimeUnit.SECONDS);
            if (!r.hasMessages() || r.messages().isEmpty()) {
                missed++;
                // Delivered after the wait ended: take it out so the next wait starts empty.
                delete(ShortPoll.receiveOne(sqs, url, new Tally()));
                return;
            }
            delete(r.messages().get(0));
            endToEnd.add(received - published[0]);
            publishCall.add(published[1] - published[0]);
        }

        private void delete(Message m) {
            sqs.deleteMessage(b -> b.queueUrl(url).receiptHandle(m.receiptHandle()));
        }
    }
}
