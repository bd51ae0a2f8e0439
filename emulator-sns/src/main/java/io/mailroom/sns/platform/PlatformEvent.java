package io.mailroom.sns.platform;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.mailroom.sns.publish.Notification;

/**
 * An application event: what SNS publishes to the topic a platform application names in its
 * {@code EventEndpointCreated}, {@code EventEndpointUpdated}, {@code EventEndpointDeleted} or
 * {@code EventDeliveryFailure} attribute (https://docs.aws.amazon.com/sns/latest/dg/application-event-notifications.html).
 * AWS documents when, not the message: its form is that of DeliveryFailure messages seen from AWS (compact, keys in
 * alphabetical order, subject "DeliveryFailure event for app NAME (PLATFORM)"), the other events the same without
 * the failure's fields.
 *
 * @param type         EndpointCreated, EndpointUpdated, EndpointDeleted or DeliveryFailure
 * @param failure      for DeliveryFailure: FailureType, FailureMessage and the failed message's id; else null
 */
public record PlatformEvent(String type, PlatformEndpoint endpoint, long time, Failure failure) {
    private static final ObjectMapper JSON = new ObjectMapper();

    /** Why a delivery failed for good. */
    public record Failure(String failureType, String failureMessage, String messageId) {
    }

    public static PlatformEvent created(PlatformEndpoint endpoint, long time) {
        return new PlatformEvent("EndpointCreated", endpoint, time, null);
    }

    public static PlatformEvent updated(PlatformEndpoint endpoint, long time) {
        return new PlatformEvent("EndpointUpdated", endpoint, time, null);
    }

    public static PlatformEvent deleted(PlatformEndpoint endpoint, long time) {
        return new PlatformEvent("EndpointDeleted", endpoint, time, null);
    }

    /** A message that could not reach a disabled endpoint. */
    public static PlatformEvent endpointDisabled(PlatformEndpoint endpoint, long time, String messageId) {
        return new PlatformEvent("DeliveryFailure", endpoint, time,
                new Failure("EndpointDisabled", "Endpoint is disabled", messageId));
    }

    /** The topic the application names for this event, or null when it names none. */
    public String topicArn() {
        String arn = endpoint.application().attributes().get("Event" + type);
        return arn == null || arn.isEmpty() ? null : arn;
    }

    public String subject() {
        PlatformApplication app = endpoint.application();
        return type + " event for app " + app.name() + " (" + app.platform().name() + ")";
    }

    public String message() {
        ObjectNode m = JSON.createObjectNode();
        if (failure != null) {
            m.put("DeliveryAttempts", 1);
        }
        m.put("EndpointArn", endpoint.arn());
        m.put("EventType", type);
        if (failure != null) {
            m.put("FailureMessage", failure.failureMessage());
            m.put("FailureType", failure.failureType());
            m.put("MessageId", failure.messageId());
        }
        m.put("Resource", endpoint.application().arn());
        m.put("Service", "SNS");
        m.put("Time", Notification.formatTimestamp(time));
        return m.toString();
    }
}
