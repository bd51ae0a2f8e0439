package io.mailroom.sns;

import io.mailroom.sns.subscription.Subscription;
import io.mailroom.sns.subscription.SubscriptionSettings;

/**
 * One subscription as a dashboard shows it.
 *
 * @param filterPolicy       the FilterPolicy JSON as set, or null (everything matches)
 * @param filterPolicyScope  MessageAttributes or MessageBody
 * @param redrivePolicy      the RedrivePolicy JSON as set, or null
 */
public record SubscriptionSummary(String arn, String protocol, String endpoint, boolean pending,
                                  boolean rawMessageDelivery, String filterPolicy, String filterPolicyScope,
                                  String redrivePolicy) {

    static SubscriptionSummary of(Subscription s) {
        SubscriptionSettings settings = s.settings();
        return new SubscriptionSummary(s.arn(), s.protocol().wireName(), s.endpoint(), s.isPending(),
                settings.rawMessageDelivery(), settings.filterPolicyJson(), settings.effectiveScope().wireName(),
                settings.redrivePolicyJson());
    }
}
