package io.mailroom.sns.topic;

import io.mailroom.sns.SnsErrors;
import io.mailroom.sns.subscription.Protocol;
import java.util.Collection;
import java.util.Set;

/**
 * What a topic whose MaximumMessageSize is above 256 KiB allows: Amazon Data Firehose, Amazon SQS and AWS Lambda
 * subscriptions, at most 100 of them
 * (<a href="https://docs.aws.amazon.com/sns/latest/dg/large-message-payloads.html">large message payloads</a>).
 */
public final class LargePayloads {
    static final int MAX_SUBSCRIPTIONS = 100;
    private static final Set<Protocol> PROTOCOLS = Set.of(Protocol.SQS, Protocol.LAMBDA, Protocol.FIREHOSE);

    private LargePayloads() {
    }

    /** Refuses a new subscription the topic's size setting does not allow. */
    public static void checkSubscribe(Topic topic, Protocol protocol, int subscriptions) {
        if (topic.maximumMessageSize() <= TopicAttributes.DEFAULT_MAXIMUM_MESSAGE_SIZE) {
            return;
        }
        if (!PROTOCOLS.contains(protocol)) {
            throw SnsErrors.invalid("Protocol Reason: Topics with a MaximumMessageSize above 262144 bytes support"
                    + " only firehose, lambda and sqs subscriptions");
        }
        if (subscriptions >= MAX_SUBSCRIPTIONS) {
            throw SnsErrors.invalid("Topics with a MaximumMessageSize above 262144 bytes support at most "
                    + MAX_SUBSCRIPTIONS + " subscriptions");
        }
    }

    /** Refuses raising the size above 256 KiB while the topic has subscriptions it would not allow. */
    public static void checkRaise(int size, Collection<Protocol> subscribed) {
        if (size <= TopicAttributes.DEFAULT_MAXIMUM_MESSAGE_SIZE) {
            return;
        }
        if (!PROTOCOLS.containsAll(subscribed)) {
            throw SnsErrors.invalid("MaximumMessageSize Reason: Topics with a MaximumMessageSize above 262144 bytes"
                    + " support only firehose, lambda and sqs subscriptions");
        }
        if (subscribed.size() > MAX_SUBSCRIPTIONS) {
            throw SnsErrors.invalid("MaximumMessageSize Reason: Topics with a MaximumMessageSize above 262144 bytes"
                    + " support at most " + MAX_SUBSCRIPTIONS + " subscriptions");
        }
    }
}
