package io.mailroom.server.config;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.mailroom.core.request.RequestContext;
import io.mailroom.ses.SesService;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads a scope's SES resources back in the file's format, through the v1 API. Only what the file can
 * declare is exported: SNS event destinations (not CloudWatch or Firehose ones), notification topics and
 * forwarding, receipt rule sets (not receipt filters).
 */
final class SesExporter {
    private static final JsonNodeFactory F = JsonNodeFactory.instance;
    private static final int IDENTITY_BATCH = 100;
    private final OperationCaller ses;

    SesExporter(SesService v1) {
        this.ses = new OperationCaller(v1);
    }

    /** The {@code ses} mapping, empty when the scope has nothing. */
    ObjectNode export(Scope scope, RequestContext ctx) {
        ObjectNode out = F.objectNode();
        List<String> identities = new ArrayList<>();
        Paged.all(in -> ses.call(ctx, "ListIdentities", in), F.objectNode().put("MaxItems", 1000), "Identities")
                .forEach(i -> identities.add(i.asText()));
        if (!identities.isEmpty()) {
            ArrayNode list = out.putArray("identities");
            identities.forEach(list::add);
        }
        putIfNotEmpty(out, "templates", templates(ctx));
        putIfNotEmpty(out, "configurationSets", configurationSets(scope, ctx));
        putIfNotEmpty(out, "identityNotifications", notifications(scope, ctx, identities));
        putIfNotEmpty(out, "receiptRuleSets", ruleSets(scope, ctx));
        return out;
    }

    private ArrayNode templates(RequestContext ctx) {
        ArrayNode out = F.arrayNode();
        for (JsonNode meta : Paged.all(in -> ses.call(ctx, "ListTemplates", in), F.objectNode().put("MaxItems", 100),
                "TemplatesMetadata")) {
            JsonNode t = ses.call(ctx, "GetTemplate", F.objectNode().put("TemplateName", meta.path("Name").asText()))
                    .path("Template");
            ObjectNode o = out.addObject().put("name", t.path("TemplateName").asText());
            copyText(t, "SubjectPart", o, "subject");
            copyText(t, "TextPart", o, "text");
            copyText(t, "HtmlPart", o, "html");
        }
        return out;
    }

    private ArrayNode configurationSets(Scope scope, RequestContext ctx) {
        ArrayNode out = F.arrayNode();
        for (JsonNode set : Paged.all(in -> ses.call(ctx, "ListConfigurationSets", in),
                F.objectNode().put("MaxItems", 1000), "ConfigurationSets")) {
            String name = set.path("Name").asText();
            ObjectNode describe = F.objectNode().put("ConfigurationSetName", name);
            describe.putArray("ConfigurationSetAttributeNames").add("eventDestinations");
            ObjectNode o = out.addObject().put("name", name);
            ArrayNode destinations = F.arrayNode();
            for (JsonNode d : ses.call(ctx, "DescribeConfigurationSet", describe).path("EventDestinations")) {
                if (!d.has("SNSDestination")) {
                    continue;
                }
                ObjectNode e = destinations.addObject().put("name", d.path("Name").asText());
                e.set("events", d.path("MatchingEventTypes").deepCopy());
                e.put("topic", scope.shortTopic(d.path("SNSDestination").path("TopicARN").asText()));
                if (!d.path("Enabled").asBoolean(true)) {
                    e.put("enabled", false);
                }
            }
            putIfNotEmpty(o, "eventDestinations", destinations);
        }
        return out;
    }

    private ArrayNode notifications(Scope scope, RequestContext ctx, List<String> identities) {
        ArrayNode out = F.arrayNode();
        for (int from = 0; from < identities.size(); from += IDENTITY_BATCH) {
            ObjectNode in = F.objectNode();
            ArrayNode names = in.putArray("Identities");
            identities.subList(from, Math.min(identities.size(), from + IDENTITY_BATCH)).forEach(names::add);
            JsonNode attributes = ses.call(ctx, "GetIdentityNotificationAttributes", in).path("NotificationAttributes");
            for (JsonNode name : names) {
                JsonNode a = attributes.path(name.asText());
                ObjectNode o = F.objectNode().put("identity", name.asText());
                for (String type : List.of("Bounce", "Complaint", "Delivery")) {
                    String topic = a.path(type + "Topic").asText(null);
                    if (topic != null) {
                        o.put(type.toLowerCase(java.util.Locale.ROOT), scope.shortTopic(topic));
                    }
                }
                if (!a.path("ForwardingEnabled").asBoolean(true)) {
                    o.put("forwarding", false);
                }
                if (o.size() > 1) {
                    out.add(o);
                }
            }
        }
        return out;
    }

    private ArrayNode ruleSets(Scope scope, RequestContext ctx) {
        ArrayNode out = F.arrayNode();
        String active = ses.call(ctx, "DescribeActiveReceiptRuleSet", F.objectNode()).path("Metadata").path("Name")
                .asText(null);
        for (JsonNode set : Paged.all(in -> ses.call(ctx, "ListReceiptRuleSets", in), F.objectNode(), "RuleSets")) {
            String name = set.path("Name").asText();
            ObjectNode o = out.addObject().put("name", name);
            if (name.equals(active)) {
                o.put("active", true);
            }
            JsonNode rules = ses.call(ctx, "DescribeReceiptRuleSet", F.objectNode().put("RuleSetName", name))
                    .path("Rules");
            if (rules.size() > 0) {
                JsonNode copy = rules.deepCopy();
                shortenTopics(copy, scope);
                o.set("rules", copy);
            }
        }
        return out;
    }

    /** Rule actions' topics of the same scope are written by name, as the file may give them. */
    private static void shortenTopics(JsonNode node, Scope scope) {
        if (node instanceof ObjectNode o && o.path("TopicArn").isTextual()) {
            o.put("TopicArn", scope.shortTopic(o.get("TopicArn").asText()));
        }
        node.forEach(child -> shortenTopics(child, scope));
    }

    private static void copyText(JsonNode from, String field, ObjectNode to, String key) {
        if (from.hasNonNull(field)) {
            to.put(key, from.get(field).asText());
        }
    }

    private static void putIfNotEmpty(ObjectNode o, String key, ArrayNode value) {
        if (!value.isEmpty()) {
            o.set(key, value);
        }
    }
}
