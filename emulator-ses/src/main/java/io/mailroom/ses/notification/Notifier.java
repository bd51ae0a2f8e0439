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
            out.add(() -> publish(topic, json));
        });
    }

    /** To every enabled SNS destination of the set that matches the type; deferred as above. */
    public void event(ConfigurationSet set, EventType type, MailMetadata mail, ObjectNode detail, List<Runnable> out) {
        if (set == null) {
            return;
        }
        for (EventDestination d : set.destinations().values()) {
            if (d.enabled() && d.types().contains(type) && d.target() instanceof EventTarget.Sns sns) {
                String json = NotificationJson.event(type, mail, detail).toString();
                out.add(() -> publish(sns.topicArn(), json));
            }
        }
    }

    private void publish(String topicArn, String message) {
        try {
            topics.publish(topicArn, null, message, Map.of());
        } catch (AwsException e) {
            LOG.info("SES notification to {} not delivered: {}", topicArn, e.getMessage());
        }
    }
}
