package io.mailroom.server;

import io.mailroom.core.delivery.MailSink;
import io.mailroom.core.delivery.MessageAttribute;
import io.mailroom.core.delivery.ObjectSink;
import io.mailroom.core.delivery.TopicPublisher;
import java.util.Map;
import java.util.function.Supplier;

/**
 * The cross-service ports of services that start on first use ({@link OnFirstUse}): the first delivery
 * through one makes the service behind it.
 */
final class DeferredPorts {

    private DeferredPorts() {
    }

    static TopicPublisher topics(Supplier<? extends TopicPublisher> sns) {
        return new TopicPublisher() {
            @Override
            public String publish(String topicArn, String subject, String message,
                                  Map<String, MessageAttribute> attributes) {
                return sns.get().publish(topicArn, subject, message, attributes);
            }

            @Override
            public boolean exists(String topicArn) {
                return sns.get().exists(topicArn);
            }
        };
    }

    static MailSink mail(Supplier<MailSink> ses) {
        return (from, to, subject, body) -> ses.get().deliver(from, to, subject, body);
    }

    static ObjectSink objects(Supplier<ObjectSink> s3) {
        return new ObjectSink() {
            @Override
            public String put(String accountId, String region, String bucket, String key, byte[] body,
                              String contentType, Map<String, String> metadata) {
                return s3.get().put(accountId, region, bucket, key, body, contentType, metadata);
            }

            @Override
            public boolean exists(String bucket) {
                return s3.get().exists(bucket);
            }
        };
    }
}
