package io.mailroom.sns.subscription;

import io.mailroom.sns.delivery.DeliveryPolicy;
import io.mailroom.sns.filter.FilterPolicy;
import io.mailroom.sns.filter.FilterScope;

/**
 * A subscription's client-set attributes, immutable: a change builds a new value that replaces the old
 * one at once, so a delivery always sees one consistent set (filter and scope together).
 *
 * @param filterPolicyJson  the FilterPolicy as set, or null
 * @param filterScope       FilterPolicyScope as set, or null (MessageAttributes applies)
 * @param filter            the compiled filter, or null (everything matches)
 * @param redrivePolicyJson the RedrivePolicy as set, or null
 * @param deliveryPolicyJson the DeliveryPolicy as set, or null
 * @param replayPolicy      the ReplayPolicy, or null
 */
public record SubscriptionSettings(boolean rawMessageDelivery, String filterPolicyJson, FilterScope filterScope,
                                   FilterPolicy filter, String redrivePolicyJson, RedrivePolicy redrivePolicy,
                                   String deliveryPolicyJson, DeliveryPolicy deliveryPolicy,
                                   String subscriptionRoleArn, ReplayPolicy replayPolicy) {

    public static final SubscriptionSettings DEFAULT = new SubscriptionSettings(false, null, null, null, null, null,
            null, null, null, null);

    public FilterScope effectiveScope() {
        return filterScope == null ? FilterScope.MESSAGE_ATTRIBUTES : filterScope;
    }
}
