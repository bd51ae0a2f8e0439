package io.mailroom.server.config;

import java.util.List;
import java.util.Map;

/** An SNS topic with its attributes, tags and subscriptions. */
public record TopicSetup(Position at, String name, Map<String, ConfigValue> attributes, Map<String, String> tags,
                         List<SubscriptionSetup> subscriptions) {
}
