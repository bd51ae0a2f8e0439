package io.mailroom.server;

import io.mailroom.core.delivery.MessageAttribute;
import io.mailroom.core.delivery.ObjectSink;
import io.mailroom.core.delivery.TopicPublisher;
import java.util.Map;
import java.util.function.Function;

/**
 * The cross-service ports of services that start on first use ({@link OnFirstUse}): the first delivery
 * through one makes the service behind it; asking whether a topic or bucket exists does not.
 */
final class DeferredPorts {

    private DeferredPorts() {
    }

    static TopicPublisher topics(OnFirstUse<? extends TopicPublisher> sns) {
        return new TopicPublisher() {
            @Override
            public String publish(String topicArn, String subject, String message,
                                  Map<String, MessageAttribute> attributes) {
                return sns.get().publish(topicArn, subject, message, attributes);
            }

            @Override
            public boolean exists(String topicArn) {
                // A topic exists only once SNS is made, so asking (a bucket's or an identity's notification
                // settings being checked, on an event loop) does not make it.
                return sns.ifMade().map(made -> made.exists(topicArn)).orElse(false);
            }
        };
    }

    static <S> ObjectSink objects(OnFirstUse<S> s3, Function<S, ObjectSink> sink) {
        return new ObjectSink() {
            @Override
            public String put(String accountId, String region, String bucket, String key, byte[] body,
                              String contentType, Map<String, String> metadata) {
                return sink.apply(s3.get()).put(accountId, region, bucket, key, body, contentType, metadata);
            }

            @Override
            public boolean exists(String bucket) {
                // Buckets exist only once the object store is made (a data directory makes it at start).
                return s3.ifMade().map(made -> sink.apply(made).exists(bucket)).orElse(false);
            }
        };
    }
}
