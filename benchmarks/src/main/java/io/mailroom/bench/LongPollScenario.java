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
 * Wake-up latency of a long poll: this thread waits in ReceiveMessage(WaitTimeSeconds=20) while a
 * second thread sends one message after a random 5–30 ms, long enough for the receive to be parked
 * in the server. The figure is the time from the send's response to the receive's response; it can
 * be slightly negative when the server answers the waiting receive before the send.
 */
final class LongPollScenario implements Scenario {
    private static final int WAIT_SECONDS = 20;
    private static final long MIN_DELAY_NANOS = TimeUnit.MILLISECONDS.toNanos(5);
    private static final long MAX_DELAY_NANOS = TimeUnit.MILLISECONDS.toNanos(30);
    private static final int MAX_WARMUP_ITERATIONS = 1_000;
    /** Bounds the whole scenario even if every poll ran to its 20 s timeout. */
    private static final Duration TIME_LIMIT = Duration.ofMinutes(3);

    @Override
    public ScenarioResult run(BenchContext ctx) throws Exception {
        SqsClient sqs = ctx.sqs();
        ExecutorService sender = Executors.newSingleThreadExecutor(r -> {
            Thread t = new Thread(r, "longpoll-sender");
            t.setDaemon(true);
            return t;
        });
        try (QueueFixture queue = QueueFixture.create(sqs, "longpoll")) {
            Run warm = new Run(sqs, queue.url(), sender);
            long warmDeadline = System.nanoTime() + ctx.options().warmup().toNanos();
            for (int i = 0; i < MAX_WARMUP_ITERATIONS && System.nanoTime() < warmDeadline; i++) {
                warm.iteration();
            }
            Run run = new Run(sqs, queue.url(), sender);
            long deadline = System.nanoTime() + TIME_LIMIT.toNanos();
            CpuWindow window = CpuWindow.open(ctx.probe());
            for (int i = 0; i < ctx.options().longPollIterations() && System.nanoTime() < deadline; i++) {
                run.iteration();
            }
            CpuSpan span = window.close();
            long calls = run.tally.snapshot().calls();
            return ctx.result(ScenarioKind.LONGPOLL)
                    .add("iterations", run.wake.size(), "")
                    .latency("wake_", run.wake.percentiles())
                    .latency("send_start_to_receive_", run.total.percentiles())
                    .add("missed", run.missed, "")
                    .cpu(span, calls)
                    .build();
        } finally {
            sender.shutdownNow();
        }
    }

    /** State of one series of iterations: its samples, counts and misses. */
    private static final class Run {
        final SqsClient sqs;
        final String url;
        final ExecutorService sender;
        final LatencySamples wake = new LatencySamples();
        final LatencySamples total = new LatencySamples();
        final Tally tally = new Tally();
        int missed;

        Run(SqsClient sqs, String url, ExecutorService sender) {
            this.sqs = sqs;
            this.url = url;
            this.sender = sender;
        }

        void iteration() throws Exception {
            long delay = ThreadLocalRandom.current().nextLong(MIN_DELAY_NANOS, MAX_DELAY_NANOS);
            Future<long[]> send = sender.submit(() -> {
                LockSupport.parkNanos(delay);
                long start = System.nanoTime();
                sqs.sendMessage(b -> b.queueUrl(url).messageBody(Payload.BODY_1KIB));
                return new long[] {start, System.nanoTime()};
            });
            ReceiveMessageResponse r = sqs.receiveMessage(
                    b -> b.queueUrl(url).maxNumberOfMessages(1).waitTimeSeconds(WAIT_SECONDS));
            long received = System.nanoTime();
            long[] sent = send.get(WAIT_SECONDS + 10, TimeUnit.SECONDS);
            tally.calls(2);
            if (!r.hasMessages() || r.messages().isEmpty()) {
                missed++;
                // The message arrived after the wait ended: take it out so the next wait starts empty.
                Message late = ShortPoll.receiveOne(sqs, url, tally);
                delete(late);
                return;
            }
            delete(r.messages().get(0));
            wake.add(received - sent[1]);
            total.add(received - sent[0]);
        }

        private void delete(Message m) {
            sqs.deleteMessage(b -> b.queueUrl(url).receiptHandle(m.receiptHandle()));
            tally.calls(1);
        }
    }
}
