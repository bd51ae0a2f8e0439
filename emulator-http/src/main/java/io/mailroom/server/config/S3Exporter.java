package io.mailroom.server.config;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.mailroom.core.request.RequestContext;
import io.mailroom.s3.S3Service;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.regex.Pattern;

/**
 * Reads a scope's buckets (those of the account in the scope's region) and their notification
 * configurations back in the file's format; objects are not part of a setup. A configuration's Id is
 * written only when it was given: one S3 made up for an unnamed configuration is left out.
 */
final class S3Exporter {
    private static final JsonNodeFactory F = JsonNodeFactory.instance;
    private static final Pattern UUID = Pattern.compile("[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}");
    private final OperationCaller s3;

    S3Exporter(S3Service service) {
        this.s3 = new OperationCaller(service);
    }

    /** The {@code buckets} list, empty when the scope has none. */
    ArrayNode buckets(Scope scope, RequestContext ctx) {
        ArrayNode out = F.arrayNode();
        ObjectNode list = F.objectNode().put("BucketRegion", scope.region());
        while (true) {
            ObjectNode page = s3.call(ctx, "ListBuckets", list);
            for (JsonNode b : page.path("Buckets")) {
                String name = b.path("Name").asText();
                ObjectNode bucket = out.addObject().put("name", name);
                ObjectNode notifications = notifications(scope, s3.call(ctx, "GetBucketNotificationConfiguration",
                        F.objectNode().put("Bucket", name)));
                if (!notifications.isEmpty()) {
                    bucket.set("notifications", notifications);
                }
            }
            String next = page.path("ContinuationToken").asText(null);
            if (next == null || next.isEmpty()) {
                return out;
            }
            list = F.objectNode().put("BucketRegion", scope.region()).put("ContinuationToken", next);
        }
    }

    private static ObjectNode notifications(Scope scope, JsonNode config) {
        ObjectNode out = F.objectNode();
        ArrayNode queues = F.arrayNode();
        for (JsonNode c : config.path("QueueConfigurations")) {
            queues.add(configuration(c, "queue", scope.shortQueue(c.path("QueueArn").asText())));
        }
        ArrayNode topics = F.arrayNode();
        for (JsonNode c : config.path("TopicConfigurations")) {
            topics.add(configuration(c, "topic", scope.shortTopic(c.path("TopicArn").asText())));
        }
        if (!queues.isEmpty()) {
            out.set("queues", queues);
        }
        if (!topics.isEmpty()) {
            out.set("topics", topics);
        }
        return out;
    }

    private static ObjectNode configuration(JsonNode c, String kind, String destination) {
        ObjectNode out = F.objectNode().put(kind, destination);
        ArrayNode events = out.putArray("events");
        c.path("Events").forEach(e -> events.add(e.asText()));
        for (JsonNode rule : c.path("Filter").path("Key").path("FilterRules")) {
            out.put(rule.path("Name").asText().toLowerCase(java.util.Locale.ROOT), rule.path("Value").asText());
        }
        String id = c.path("Id").asText(null);
        if (id != null && !generated(id)) {
            out.put("id", id);
        }
        return out;
    }

    /** Whether S3 named the configuration itself: the Base64 of a random UUID. */
    private static boolean generated(String id) {
        try {
            return UUID.matcher(new String(Base64.getDecoder().decode(id), StandardCharsets.UTF_8)).matches();
        } catch (IllegalArgumentException e) {
            return false;
        }
    }
}
