package io.mailroom.server.config;

import java.util.Map;

/**
 * The feedback notification topics of an identity (SetIdentityNotificationTopic).
 *
 * @param topics     {@code Bounce}, {@code Complaint}, {@code Delivery} → topic name or ARN
 * @param forwarding feedback forwarding by email; null leaves the default (on)
 */
public record NotificationSetup(Position at, String identity, Map<String, Located<String>> topics,
                                Boolean forwarding) {
}
