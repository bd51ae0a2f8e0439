package io.mailroom.server.config;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.mailroom.core.model.Shape;
import io.mailroom.core.request.RequestContext;
import io.mailroom.ses.SesService;

/**
 * SES resources through the v1 API (the one that covers all of them), after every topic exists:
 * identities, templates, configuration sets with their event destinations, notification topics, and
 * receipt rule sets.
 */
final class SesApplier {
    private static final JsonNodeFactory F = JsonNodeFactory.instance;
    private final OperationCaller ses;
    private final Shape receiptRule;

    SesApplier(SesService v1) {
        this.ses = new OperationCaller(v1);
        this.receiptRule = v1.descriptor().validationModel().operations().get("CreateReceiptRule").input()
                .member("Rule").shape();
    }

    /** Reads every receipt rule against the model before anything is applied, so a typo changes nothing. */
    void check(AccountSetup account) {
        ShapeReader reader = new ShapeReader((member, value) -> value);
        account.ses().receiptRuleSets().forEach(r -> r.rules().forEach(rule -> reader.read(receiptRule, rule, "Rule")));
    }

    void apply(AccountSetup account, String endpoint) {
        SesSetup s = account.ses();
        RequestContext ctx = account.scope().context(endpoint);
        for (Located<String> identity : s.identities()) {
            String name = identity.value();
            ObjectNode in = name.contains("@") ? F.objectNode().put("EmailAddress", name) : F.objectNode().put("Domain", name);
            ses.call(ctx, name.contains("@") ? "VerifyEmailIdentity" : "VerifyDomainIdentity", in, identity.at());
        }
        for (TemplateSetup t : s.templates()) {
            ObjectNode in = F.objectNode();
            ObjectNode template = in.putObject("Template").put("TemplateName", t.name());
            putIfNotNull(template, "SubjectPart", t.subject());
            putIfNotNull(template, "TextPart", t.text());
            putIfNotNull(template, "HtmlPart", t.html());
            ses.call(ctx, "CreateTemplate", in, t.at());
        }
        for (ConfigurationSetSetup c : s.configurationSets()) {
            ObjectNode in = F.objectNode();
            in.putObject("ConfigurationSet").put("Name", c.name());
            ses.call(ctx, "CreateConfigurationSet", in, c.at());
            for (EventDestinationSetup d : c.eventDestinations()) {
                ses.call(ctx, "CreateConfigurationSetEventDestination", destination(account.scope(), c, d), d.at());
            }
        }
        for (NotificationSetup n : s.identityNotifications()) {
            n.topics().forEach((type, topic) -> ses.call(ctx, "SetIdentityNotificationTopic", F.objectNode()
                    .put("Identity", n.identity()).put("NotificationType", type)
                    .put("SnsTopic", account.scope().topicRef(topic.value())), topic.at()));
            if (n.forwarding() != null) {
                ses.call(ctx, "SetIdentityFeedbackForwardingEnabled", F.objectNode().put("Identity", n.identity())
                        .put("ForwardingEnabled", n.forwarding()), n.at().field("forwarding", n.at().line()));
            }
        }
        for (RuleSetSetup r : s.receiptRuleSets()) {
            ses.call(ctx, "CreateReceiptRuleSet", F.objectNode().put("RuleSetName", r.name()), r.at());
            ShapeReader reader = new ShapeReader((member, value) ->
                    member.equals("TopicArn") ? account.scope().topicRef(value) : value);
            String after = null;
            for (ConfigValue rule : r.rules()) {
                JsonNode tree = reader.read(receiptRule, rule, "Rule");
                ObjectNode in = F.objectNode().put("RuleSetName", r.name());
                in.set("Rule", tree);
                if (after != null) {
                    in.put("After", after);
                }
                ses.call(ctx, "CreateReceiptRule", in, rule.at());
                after = tree.path("Name").asText(null);
            }
            if (r.active()) {
                ses.call(ctx, "SetActiveReceiptRuleSet", F.objectNode().put("RuleSetName", r.name()), r.at());
            }
        }
    }

    private static ObjectNode destination(Scope scope, ConfigurationSetSetup c, EventDestinationSetup d) {
        ObjectNode in = F.objectNode().put("ConfigurationSetName", c.name());
        ObjectNode dest = in.putObject("EventDestination").put("Name", d.name()).put("Enabled", d.enabled());
        ArrayNode types = dest.putArray("MatchingEventTypes");
        d.events().forEach(e -> types.add(e.value()));
        dest.putObject("SNSDestination").put("TopicARN", scope.topicRef(d.topic().value()));
        return in;
    }

    private static void putIfNotNull(ObjectNode o, String key, String value) {
        if (value != null) {
            o.put(key, value);
        }
    }
}
