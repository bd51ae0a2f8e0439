package io.mailroom.bench;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicLong;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.sns.SnsClient;
import software.amazon.awssdk.services.sns.model.MessageAttributeValue;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.model.QueueAttributeName;

/**
 * A topic with N SQS subscriptions, one queue each, made for one fan-out measurement and deleted after
 * it. Every subscription has a filter policy on the published message's attributes: with one
 * subscription it matches; with N ≥ 2, every second one (in creation order) matches and the others do
 * not, so a publish is delivered to exactly {@link #matching()} queues and filtered away from the rest.
 * The last subscription created is a matching one, the "sentinel": the server delivers a publish in
 * subscription order (enveloped deliveries on one signing thread, in publish order), so when the
 * sentinel queue holds k messages every matching queue does.
 */
final class FanoutTopic implements AutoCloseable {
    static final String MATCHING_POLICY = "{\"event\":[\"order.created\"],\"amount\":[{\"numeric\":[\">=\",100]}]}";
    static final String OTHER_POLICY = "{\"event\":[\"order.cancelled\"],\"amount\":[{\"numeric\":[\">=\",100]}]}";
    /** What every publish carries: matches {@link #MATCHING_POLICY}, not {@link #OTHER_POLICY}. */
    static final Map<String, MessageAttributeValue> ATTRIBUTES = Map.of(
            "event", MessageAttributeValue.builder().dataType("String").stringValue("order.created").build(),
            "amount", MessageAttributeValue.builder().dataType("Number").stringValue("250").build());

    private final SnsClient sns;
    private final SqsClient sqs;
    private final String topicArn;
    private final List<String> matchingUrls = new ArrayList<>();
    private final List<String> otherUrls = new ArrayList<>();
    /** GetQueueAttributes calls made to watch deliveries: server work that is not fan-out. */
    private final AtomicLong watchCalls = new AtomicLong();

    private FanoutTopic(SnsClient sns, SqsClient sqs, String topicArn) {
        this.sns = sns;
        this.sqs = sqs;
        this.topicArn = topicArn;
    }

    static FanoutTopic create(SnsClient sns, SqsClient sqs, String purpose, int subscriptions, boolean raw) {
        String suffix = Long.toHexString(ThreadLocalRandom.current().nextLong() >>> 16);
        String arn = sns.createTopic(b -> b.name("bench-" + purpose + "-" + suffix)).topicArn();
        FanoutTopic topic = new FanoutTopic(sns, sqs, arn);
        try {
            for (int i = 0; i < subscriptions; i++) {
                boolean matches = subscriptions == 1 || i % 2 == 1;
                String url = sqs.createQueue(b -> b.queueName("bench-" + purpose + "-" + suffix + "-" + matches(matches)
                        + topic.matchingUrls.size() + topic.otherUrls.size())).queueUrl();
                (matches ? topic.matchingUrls : topic.otherUrls).add(url);
                String queueArn = sqs.getQueueAttributes(b -> b.queueUrl(url).attributeNames(QueueAttributeName.QUEUE_ARN))
                        .attributes().get(QueueAttributeName.QUEUE_ARN);
                sns.subscribe(b -> b.topicArn(arn).protocol("sqs").endpoint(queueArn).returnSubscriptionArn(true)
                        .attributes(Map.of("RawMessageDelivery", Boolean.toString(raw),
                                "FilterPolicy", matches ? MATCHING_POLICY : OTHER_POLICY)));
            }
        } catch (RuntimeException e) {
            topic.close();
            throw e;
        }
        return topic;
    }

    private static String matches(boolean matches) {
        return matches ? "m" : "x";
    }

    int subscriptions() {
        return matchingUrls.size() + otherUrls.size();
    }

    int matching() {
        return matchingUrls.size();
    }

    String topicArn() {
        return topicArn;
    }

    String sentinelUrl() {
        return matchingUrls.get(matchingUrls.size() - 1);
    }

    long watchCalls() {
        return watchCalls.get();
    }

    void publish() {
        sns.publish(b -> b.topicArn(topicArn).message(Payload.BODY_1KIB).messageAttributes(ATTRIBUTES));
    }

    /** Visible messages in one queue (exact on Mailroom). */
    long count(String url) {
        watchCalls.incrementAndGet();
        String n = sqs.getQueueAttributes(b -> b.queueUrl(url).attributeNames(QueueAttributeName.APPROXIMATE_NUMBER_OF_MESSAGES))
                .attributes().get(QueueAttributeName.APPROXIMATE_NUMBER_OF_MESSAGES);
        return Long.parseLong(n);
    }

    /** Polls the sentinel queue until it holds {@code expected} messages; false if that takes longer than {@code limit}. */
    boolean awaitDelivered(long expected, Duration limit) throws InterruptedException {
        long deadline = System.nanoTime() + limit.toNanos();
        while (count(sentinelUrl()) < expected) {
            if (System.nanoTime() >= deadline) {
                return false;
            }
            Thread.sleep(2);
        }
        return true;
    }

    /** Empties every queue (allowed once a minute per queue; these are new). */
    void purge() {
        matchingUrls.forEach(url -> sqs.purgeQueue(b -> b.queueUrl(url)));
        otherUrls.forEach(url -> sqs.purgeQueue(b -> b.queueUrl(url)));
    }

    /** Queues whose depth is not what the filter policies say: {@code expected} in each matching queue, 0 in the others. */
    int mismatchedQueues(long expected) {
        int wrong = 0;
        for (String url : matchingUrls) {
            wrong += count(url) == expected ? 0 : 1;
        }
        for (String url : otherUrls) {
            wrong += count(url) == 0 ? 0 : 1;
        }
        return wrong;
    }

    @Override
    public void close() {
        try {
            sns.deleteTopic(b -> b.topicArn(topicArn));
        } catch (SdkException e) {
            System.err.println("warning: could not delete " + topicArn + ": " + e.getMessage());
        }
        List<String> all = new ArrayList<>(matchingUrls);
        all.addAll(otherUrls);
        for (String url : all) {
            try {
                sqs.deleteQueue(b -> b.queueUrl(url));
            } catch (SdkException e) {
                System.err.println("warning: could not delete " + url + ": " + e.getMessage());
            }
        }
    }
}
