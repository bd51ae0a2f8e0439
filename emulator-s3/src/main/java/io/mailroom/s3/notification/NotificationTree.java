package io.mailroom.s3.notification;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.mailroom.s3.S3Errors;
import io.mailroom.s3.api.Input;
import io.mailroom.s3.api.Output;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import java.util.UUID;

/**
 * Reads a {@code NotificationConfiguration} from the canonical tree (members as in the model, the XML
 * body already parsed by the front end) and writes one back, checking what S3 checks about its form:
 * known event types, destination ARNs that parse, and at most one prefix and one suffix rule per filter.
 */
public final class NotificationTree {
    private final EventTypes eventTypes;

    public NotificationTree(EventTypes eventTypes) {
        this.eventTypes = eventTypes;
    }

    /** The configuration in {@code config}; null or absent members mean none (PUT of an empty configuration clears it). */
    public NotificationConfiguration read(JsonNode config) {
        if (config == null || config.isNull()) {
            return NotificationConfiguration.EMPTY;
        }
        if (config.has("EventBridgeConfiguration")) {
            throw S3Errors.NOT_IMPLEMENTED.exception("EventBridge notifications are not emulated by Mailroom");
        }
        List<NotificationRule> rules = new ArrayList<>();
        for (JsonNode c : list(config, "TopicConfigurations")) {
            rules.add(rule(c, new Destination.Topic(arn(c, "TopicArn", "Topic"))));
        }
        for (JsonNode c : list(config, "QueueConfigurations")) {
            rules.add(rule(c, new Destination.Queue(arn(c, "QueueArn", "Queue"))));
        }
        for (JsonNode c : list(config, "LambdaFunctionConfigurations")) {
            rules.add(rule(c, new Destination.Function(arn(c, "LambdaFunctionArn", "CloudFunction"))));
        }
        return new NotificationConfiguration(rules);
    }

    private NotificationRule rule(JsonNode c, Destination destination) {
        List<String> events = new ArrayList<>();
        for (JsonNode e : list(c, "Events")) {
            String type = e.asText();
            if (!eventTypes.isKnown(type)) {
                throw S3Errors.INVALID_ARGUMENT.exception("The event is not supported for notifications");
            }
            events.add(type);
        }
        if (events.isEmpty()) {
            throw Input.malformedXml();
        }
        String id = Input.text(c, "Id");
        if (id == null || id.isEmpty()) {
            // S3 names unnamed configurations itself with an opaque id.
            id = Base64.getEncoder().withoutPadding()
                    .encodeToString(UUID.randomUUID().toString().getBytes(StandardCharsets.UTF_8));
        }
        return new NotificationRule(id, destination, events, filter(c.path("Filter").path("Key")));
    }

    private static KeyFilter filter(JsonNode key) {
        String prefix = null;
        String suffix = null;
        List<FilterRule> rules = new ArrayList<>();
        for (JsonNode r : list(key, "FilterRules")) {
            String name = Input.text(r, "Name");
            String value = Input.text(r, "Value") == null ? "" : Input.text(r, "Value");
            String kind = name == null ? "" : name.toLowerCase(Locale.ROOT);
            if (kind.equals("prefix")) {
                if (prefix != null) {
                    throw S3Errors.INVALID_ARGUMENT.exception("Cannot specify more than one prefix rule in a filter.");
                }
                prefix = value;
            } else if (kind.equals("suffix")) {
                if (suffix != null) {
                    throw S3Errors.INVALID_ARGUMENT.exception("Cannot specify more than one suffix rule in a filter.");
                }
                suffix = value;
            } else {
                throw S3Errors.INVALID_ARGUMENT.exception("filter rule name must be either prefix or suffix")
                        .with("ArgumentName", "FilterRule.Name").with("ArgumentValue", name == null ? "" : name);
            }
            rules.add(new FilterRule(kind.equals("prefix") ? "Prefix" : "Suffix", value));
        }
        return rules.isEmpty() ? KeyFilter.NONE
                : new KeyFilter(prefix == null ? "" : prefix, suffix == null ? "" : suffix, rules);
    }

    /**
     * The destination's ARN, which must at least have an ARN's six parts, whether or not destinations are
     * validated; S3 names the destination by its element in the older PutBucketNotification
     * ({@code Queue}, {@code Topic}, {@code CloudFunction}).
     */
    private static String arn(JsonNode c, String member, String argumentName) {
        String arn = Input.text(c, member);
        if (arn == null || arn.isEmpty()) {
            throw Input.malformedXml();
        }
        String[] parts = arn.split(":", 6);
        if (parts.length != 6 || !parts[0].equals("arn")) {
            throw S3Errors.INVALID_ARGUMENT.exception("The ARN could not be parsed")
                    .with("ArgumentName", argumentName).with("ArgumentValue", arn);
        }
        return arn;
    }

    private static List<JsonNode> list(JsonNode node, String member) {
        JsonNode v = node == null ? null : node.get(member);
        List<JsonNode> out = new ArrayList<>();
        if (v == null || v.isNull()) {
            return out;
        }
        if (v.isArray()) {
            v.forEach(out::add);
        } else {
            // A one-element flattened list may come through as the element itself.
            out.add(v);
        }
        return out;
    }

    /** GetBucketNotificationConfiguration's output. */
    public static ObjectNode write(NotificationConfiguration config) {
        ObjectNode out = Output.object();
        ArrayNode topics = Output.NODES.arrayNode();
        ArrayNode queues = Output.NODES.arrayNode();
        ArrayNode functions = Output.NODES.arrayNode();
        for (NotificationRule r : config.rules()) {
            ObjectNode c = Output.object();
            c.put("Id", r.id());
            if (r.destination() instanceof Destination.Topic t) {
                c.put("TopicArn", t.arn());
                topics.add(c);
            } else if (r.destination() instanceof Destination.Function f) {
                c.put("LambdaFunctionArn", f.arn());
                functions.add(c);
            } else {
                c.put("QueueArn", r.destination().arn());
                queues.add(c);
            }
            ArrayNode events = c.putArray("Events");
            r.events().forEach(events::add);
            if (!r.filter().rules().isEmpty()) {
                ArrayNode rules = c.putObject("Filter").putObject("Key").putArray("FilterRules");
                for (FilterRule f : r.filter().rules()) {
                    rules.addObject().put("Name", f.name()).put("Value", f.value());
                }
            }
        }
        if (!topics.isEmpty()) {
            out.set("TopicConfigurations", topics);
        }
        if (!queues.isEmpty()) {
            out.set("QueueConfigurations", queues);
        }
        if (!functions.isEmpty()) {
            out.set("LambdaFunctionConfigurations", functions);
        }
        return out;
    }
}
