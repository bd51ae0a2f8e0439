package io.mailroom.server.config;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.mailroom.core.request.RequestContext;
import io.mailroom.sqs.SqsService;
import io.mailroom.sqs.attribute.QueueAttribute;
import io.mailroom.sqs.attribute.QueueConfig;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/** Reads a scope's queues back in the file's format, leaving out read-only attributes and defaults. */
final class SqsExporter {
    private static final JsonNodeFactory F = JsonNodeFactory.instance;
    private static final Set<String> READ_ONLY = Set.of("QueueArn", "ApproximateNumberOfMessages",
            "ApproximateNumberOfMessagesNotVisible", "ApproximateNumberOfMessagesDelayed", "CreatedTimestamp",
            "LastModifiedTimestamp");
    private final OperationCaller sqs;

    SqsExporter(SqsService service) {
        this.sqs = new OperationCaller(service);
    }

    /** The {@code queues} list, empty when the scope has none. */
    ArrayNode queues(Scope scope, RequestContext ctx) {
        ArrayNode out = F.arrayNode();
        for (JsonNode url : Paged.all(in -> sqs.call(ctx, "ListQueues", in),
                F.objectNode().put("MaxResults", 1000), "QueueUrls")) {
            String queueUrl = url.asText();
            ObjectNode q = out.addObject().put("name", queueUrl.substring(queueUrl.lastIndexOf('/') + 1));
            ObjectNode get = F.objectNode().put("QueueUrl", queueUrl);
            get.putArray("AttributeNames").add("All");
            JsonNode attributes = sqs.call(ctx, "GetQueueAttributes", get).path("Attributes");
            ObjectNode kept = F.objectNode();
            boolean fifo = attributes.path("FifoQueue").asText().equals("true");
            QueueConfig defaults = QueueConfig.defaults(fifo);
            for (Map.Entry<String, JsonNode> a : (Iterable<Map.Entry<String, JsonNode>>) attributes::fields) {
                String name = a.getKey();
                String value = a.getValue().asText();
                QueueAttribute attribute = QueueAttribute.byName(name);
                boolean isDefault = attribute != null && Objects.equals(value, defaults.value(attribute));
                if (READ_ONLY.contains(name) || (isDefault && !name.equals("FifoQueue"))) {
                    continue;
                }
                kept.set(name, switch (name) {
                    case "RedrivePolicy" -> AttributeValues.exportedRedrive(value, scope);
                    case "Policy", "RedriveAllowPolicy" -> AttributeValues.exported(value);
                    default -> F.textNode(value);
                });
            }
            if (!kept.isEmpty()) {
                q.set("attributes", kept);
            }
            JsonNode tags = sqs.call(ctx, "ListQueueTags", F.objectNode().put("QueueUrl", queueUrl)).path("Tags");
            if (tags.size() > 0) {
                q.set("tags", tags.deepCopy());
            }
        }
        return out;
    }
}
