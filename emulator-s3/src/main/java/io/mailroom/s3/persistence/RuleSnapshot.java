package io.mailroom.s3.persistence;

import io.mailroom.s3.notification.Destination;
import io.mailroom.s3.notification.FilterRule;
import io.mailroom.s3.notification.KeyFilter;
import io.mailroom.s3.notification.NotificationRule;
import java.util.List;
import java.util.Locale;

/**
 * One notification configuration.
 *
 * @param queueArn set for a queue destination
 * @param topicArn set for a topic destination
 */
public record RuleSnapshot(String id, String queueArn, String topicArn, List<String> events, List<FilterRule> filterRules) {

    public RuleSnapshot {
        if ((queueArn == null) == (topicArn == null)) {
            throw new IllegalArgumentException("notification " + id + " needs exactly one of queueArn and topicArn");
        }
        events = events == null ? List.of() : events;
        filterRules = filterRules == null ? List.of() : filterRules;
    }

    static RuleSnapshot of(NotificationRule r) {
        boolean queue = r.destination() instanceof Destination.Queue;
        return new RuleSnapshot(r.id(), queue ? r.destination().arn() : null, queue ? null : r.destination().arn(),
                r.events(), r.filter().rules());
    }

    NotificationRule toRule() {
        Destination d = queueArn != null ? new Destination.Queue(queueArn) : new Destination.Topic(topicArn);
        String prefix = "";
        String suffix = "";
        for (FilterRule f : filterRules) {
            if (f.name().toLowerCase(Locale.ROOT).equals("prefix")) {
                prefix = f.value();
            } else {
                suffix = f.value();
            }
        }
        return new NotificationRule(id, d, events, new KeyFilter(prefix, suffix, filterRules));
    }
}
