package io.mailroom.server.config;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.mailroom.core.request.RequestContext;
import io.mailroom.sns.SnsService;
import io.mailroom.sns.topic.TopicPolicy;
import java.util.Map;
import java.util.Set;

/**
 * Reads a scope's topics and subscriptions back in the file's format. Computed attributes and values equal
 * to a new topic's (the default Policy included) are left out, so an export stays what was declared.
 */
final class SnsExporter {
    private static final JsonNodeFactory F = JsonNodeFactory.instance;
    private static final Set<String> TOPIC_READ_ONLY = Set.of("Owner", "TopicArn", "SubscriptionsPending",
            "SubscriptionsConfirmed", "SubscriptionsDeleted", "EffectiveDeliveryPolicy", "BeginningArchiveTime");
    private static final Map<String, String> TOPIC_DEFAULTS = Map.of("DisplayName", "", "SignatureVersion", "1",
            "TracingConfig", "PassThrough", "ContentBasedDeduplication", "false", "FifoThroughputScope", "Topic",
            "FifoTopic", "false");
    private static final Set<String> SUBSCRIPTION_READ_ONLY = Set.of("Owner", "TopicArn", "Endpoint", "Protocol",
            "PendingConfirmation", "ConfirmationWasAuthenticated", "SubscriptionArn", "SubscriptionPrincipal",
            "EffectiveDeliveryPolicy");
    private final OperationCaller sns;

    SnsExporter(SnsService service) {
        this.sns = new OperationCaller(service);
    }

    ArrayNode topics(Scope scope, RequestContext ctx) {
        ArrayNode out = F.arrayNode();
        for (JsonNode entry : Paged.all(in -> sns.call(ctx, "ListTopics", in), F.objectNode(), "Topics")) {
            String arn = entry.path("TopicArn").asText();
            ObjectNode t = out.addObject().put("name", arn.substring(arn.lastIndexOf(':') + 1));
            JsonNode attributes = sns.call(ctx, "GetTopicAttributes", F.objectNode().put("TopicArn", arn))
                    .path("Attributes");
            ObjectNode kept = F.objectNode();
            for (Map.Entry<String, JsonNode> a : (Iterable<Map.Entry<String, JsonNode>>) attributes::fields) {
                String name = a.getKey();
                String value = a.getValue().asText();
                if (TOPIC_READ_ONLY.contains(name) || value.equals(TOPIC_DEFAULTS.get(name)) || value.isEmpty()
                        || (name.equals("Policy") && isDefaultPolicy(value, arn, scope))) {
                    continue;
                }
                kept.set(name, AttributeValues.exported(value));
            }
            if (!kept.isEmpty()) {
                t.set("attributes", kept);
            }
            JsonNode tags = sns.call(ctx, "ListTagsForResource", F.objectNode().put("ResourceArn", arn)).path("Tags");
            if (tags.size() > 0) {
                ObjectNode map = t.putObject("tags");
                tags.forEach(tag -> map.put(tag.path("Key").asText(), tag.path("Value").asText()));
            }
            ArrayNode subscriptions = subscriptions(scope, ctx, arn);
            if (!subscriptions.isEmpty()) {
                t.set("subscriptions", subscriptions);
            }
        }
        return out;
    }

    private static boolean isDefaultPolicy(String value, String topicArn, Scope scope) {
        return AttributeValues.exported(value).equals(TopicPolicy.defaultPolicy(topicArn, scope.accountId()));
    }

    private ArrayNode subscriptions(Scope scope, RequestContext ctx, String topicArn) {
        ArrayNode out = F.arrayNode();
        for (JsonNode entry : Paged.all(in -> sns.call(ctx, "ListSubscriptionsByTopic", in),
                F.objectNode().put("TopicArn", topicArn), "Subscriptions")) {
            String protocol = entry.path("Protocol").asText();
            String endpoint = entry.path("Endpoint").asText();
            ObjectNode s = out.addObject().put("protocol", protocol)
                    .put("endpoint", protocol.equals("sqs") ? scope.shortQueue(endpoint) : endpoint);
            String arn = entry.path("SubscriptionArn").asText();
            if (!arn.startsWith("arn:")) {
                // Pending: AWS hides its ARN, so its attributes cannot be read back.
                s.put("confirmed", false);
                continue;
            }
            JsonNode attributes = sns.call(ctx, "GetSubscriptionAttributes", F.objectNode().put("SubscriptionArn", arn))
                    .path("Attributes");
            ObjectNode other = F.objectNode();
            for (Map.Entry<String, JsonNode> a : (Iterable<Map.Entry<String, JsonNode>>) attributes::fields) {
                String name = a.getKey();
                String value = a.getValue().asText();
                switch (name) {
                    case "RawMessageDelivery" -> {
                        if (value.equals("true")) {
                            s.put("raw", true);
                        }
                    }
                    case "FilterPolicy" -> s.set("filterPolicy", AttributeValues.exported(value));
                    case "FilterPolicyScope" -> {
                        if (!value.equals("MessageAttributes")) {
                            s.put("filterPolicyScope", value);
                        }
                    }
                    case "RedrivePolicy" -> other.set(name, AttributeValues.exportedRedrive(value, scope));
                    default -> {
                        if (!SUBSCRIPTION_READ_ONLY.contains(name) && !value.isEmpty()) {
                            other.set(name, AttributeValues.exported(value));
                        }
                    }
                }
            }
            if (!other.isEmpty()) {
                s.set("attributes", other);
            }
        }
        return out;
    }
}
