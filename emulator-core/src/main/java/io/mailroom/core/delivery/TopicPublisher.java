package io.mailroom.core.delivery;

import java.util.Map;

/**
 * How one service publishes to a topic of this server without knowing SNS's classes (SES
 * notifications and event destinations, S3 event notifications, SES receipt actions). Implemented by SNS.
 */
public interface TopicPublisher {

    /**
     * Publishes as the Publish API would, to every subscriber of the topic.
     *
     * @param topicArn   {@code arn:aws:sns:region:account:name}
     * @param subject    the subject, or null
     * @param message    the message
     * @param attributes message attributes (may be empty)
     * @return the new message's id
     * @throws io.mailroom.core.error.AwsException as Publish would (topic gone, message invalid, ...)
     */
    String publish(String topicArn, String subject, String message, Map<String, MessageAttribute> attributes);

    /** Whether a topic with this ARN exists now. */
    boolean exists(String topicArn);
}
