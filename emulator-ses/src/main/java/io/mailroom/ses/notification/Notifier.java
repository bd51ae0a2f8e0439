package io.mailroom.ses.notification;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.mailroom.core.delivery.TopicPublisher;
import io.mailroom.core.error.AwsException;
import io.mailroom.ses.configset.ConfigurationSet;
import io.mailroom.ses.configset.EventDestination;
import io.mailroom.ses.configset.EventTarget;
import io.mailroom.ses.configset.EventType;
import io.mailroom.ses.identity.Identity;
import io.mailroom.ses.identity.NotificationType;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Publishes SES feedback through the server's topics. A topic that is gone or refuses the message loses
 * that notification, as on AWS (SES does not retry into a deleted topic); the send itself is unaffected.
 */
public final class Notifier {
    /**
     * The envelope Subject of every event publishing notification; identity notifications and the validation
     * message have none (LocalStack's AWS-recorded snapshots of test_ses_sns_topic_integration_*, 2023).
     */
    public static final String EVENT_SUBJECT = "Amazon SES Email Event Notification";
    /** What SES publishes, as plain text, to the topic of an SNS event destination it has just been given. */
    public static final String TOPIC_VALIDATED = "Successfully validated SNS topic for Amazon SES event publishing.";
    private static final Logger LOG = LoggerFactory.getLogger(Notifier.class);

    private final TopicPublisher topics;

    public Notifier(TopicPublisher topics) {
        this.topics = topics;
    }

    /**
     * To the identity's topic for this type, if one is set. The JSON is built now (under the SES lock, from
     * the current settings); the publication is added to {@code out} to run once the lock is released, so
     * SES never holds its lock while SNS delivers (SNS may hand mail back to SES through MailSink).
     */
    public void identity(Identity identity, NotificationType type, MailMetadata mail, ObjectNode detail,
                         List<Runnable> out) {
        if (identity == null) {
            return;
        }
        identity.topic(type).ifPresent(topic -> {
            String json = NotificationJson.identityNotification(type, mail, detail,
                    identity.headersInNotifications(type)).toString();
            out.add(() -> publish(topic, null, json));
        });
    }

    /**
     * A new SNS event destination's topic gets SES's validation message at once: SES proves it can publish there
     * when it is given the topic, so this does not wait for the destination to be enabled (AWS recorded it, for an
     * enabled destination, as the topic's first message, before any event). Updates publish none (none recorded).
     * Call it once the SES lock is released.
     */
    public void destinationCreated(EventDestination d) {
        if (d.target() instanceof EventTarget.Sns sns) {
            publish(sns.topicArn(), null, TOPIC_VALIDATED);
        }
    }

    /** To every enabled SNS destination of the set that matches the type; deferred as above. */
    public void event(ConfigurationSet set, EventType type, MailMetadata mail, ObjectNode detail, List<Runnable> out) {
        if (set == null) {
            return;
        }
        for (EventDestination d : set.destinations().values()) {
            if (d.enabled() && d.types().contains(type) && d.target() instanceof EventTarget.Sns sns) {
                String json = NotificationJson.event(type, mail, detail).toString();
                out.add(() -> publish(sns.topicArn(), EVENT_SUBJECT, json));
            }
        }
    }

    private void publish(String topicArn, String subject, String message) {
        try {
            topics.publish(topicArn, subject, message, Map.of());
        } catch (AwsException e) {
            LOG.info("SES notification to {} not delivered: {}", topicArn, e.getMessage());
        }
    }
}
