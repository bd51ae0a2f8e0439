package io.mailroom.server.config;

import java.util.Map;

/**
 * An SQS queue. Attribute values are scalars or, for the JSON-valued attributes (Policy, RedrivePolicy,
 * RedriveAllowPolicy), mappings; a RedrivePolicy may name its dead-letter queue by {@code deadLetterQueue}.
 */
public record QueueSetup(Position at, String name, Map<String, ConfigValue> attributes, Map<String, String> tags) {
}
