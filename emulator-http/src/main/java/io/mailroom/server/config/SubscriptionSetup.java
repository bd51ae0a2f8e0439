package io.mailroom.server.config;

import java.util.Map;

/**
 * A subscription. The shorthands {@code raw}, {@code filterPolicy} and {@code filterPolicyScope} are already
 * folded into {@code attributes} under their AWS names.
 *
 * @param endpoint  for {@code sqs}, a queue name of the same account and region or any queue ARN
 * @param confirmed whether a subscription that needs confirmation (HTTP, e-mail) is confirmed at once
 */
public record SubscriptionSetup(Position at, String protocol, Located<String> endpoint,
                                Map<String, ConfigValue> attributes, boolean confirmed) {
}
