package io.mailroom.s3.notification;

import java.util.List;

/** A bucket's notification configuration: its queue and topic configurations, in the order given. */
public record NotificationConfiguration(List<NotificationRule> rules) {
    public static final NotificationConfiguration EMPTY = new NotificationConfiguration(List.of());

    public NotificationConfiguration {
        rules = List.copyOf(rules);
    }

    public List<NotificationRule> matching(S3Event event, String key) {
        return rules.stream().filter(r -> r.matches(event, key)).toList();
    }
}
