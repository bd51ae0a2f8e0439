package io.mailroom.s3.notification;

import java.util.List;

/**
 * One queue or topic configuration of a bucket.
 *
 * @param id     the configuration id, S3-generated when none was given; events carry it as configurationId
 * @param events the event types as configured ({@code s3:ObjectCreated:*}, ...)
 */
public record NotificationRule(String id, Destination destination, List<String> events, KeyFilter filter) {

    public NotificationRule {
        events = List.copyOf(events);
    }

    public boolean matches(S3Event event, String key) {
        return events.stream().anyMatch(e -> EventTypes.covers(e, event.eventType())) && filter.matches(key);
    }
}
