package io.mailroom.server.config;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.mailroom.core.error.AwsException;
import io.mailroom.core.request.RequestContext;
import io.mailroom.sns.SnsService;
import java.util.Map;

/**
 * Topics, then subscriptions (after every queue and topic exists). A subscription that needs confirmation
 * is confirmed at once with its own token unless the file says {@code confirmed: false}: a declared
 * HTTP endpoint is usually not up yet when the server starts.
 */
final class SnsApplier {
    private static final String FIFO = "FifoTopic";
    private final SnsService service;
    private final OperationCaller sns;

    SnsApplier(SnsService service) {
        this.service = service;
        this.sns = new OperationCaller(service);
    }

    void createTopics(AccountSetup account, String endpoint) {
        for (TopicSetup t : account.topics()) {
            RequestContext ctx = account.scope().context(endpoint);
            ObjectNode create = JsonNodeFactory.instance.objectNode().put("Name", t.name());
            ConfigValue fifo = t.attributes().get(FIFO);
            if (fifo != null) {
                create.putObject("Attributes").put(FIFO, AttributeValues.text(fifo));
            }
            if (!t.tags().isEmpty()) {
                ArrayNode tags = create.putArray("Tags");
                t.tags().forEach((k, v) -> tags.addObject().put("Key", k).put("Value", v));
            }
            try {
                sns.call(ctx, "CreateTopic", create);
            } catch (AwsException e) {
                throw AttributeValues.placed(e, fifo == null ? Map.of() : Map.of(FIFO, fifo), t.at());
            }
            // One attribute at a time (the API's own way): an error points at exactly that attribute.
            String arn = account.scope().topicArn(t.name());
            t.attributes().forEach((name, value) -> {
                if (!name.equals(FIFO)) {
                    ObjectNode set = JsonNodeFactory.instance.objectNode().put("TopicArn", arn)
                            .put("AttributeName", name).put("AttributeValue", AttributeValues.text(value));
                    sns.call(ctx, "SetTopicAttributes", set, value.at());
                }
            });
        }
    }

    void subscribe(AccountSetup account, String endpoint) {
        for (TopicSetup t : account.topics()) {
            String topicArn = account.scope().topicArn(t.name());
            for (SubscriptionSetup s : t.subscriptions()) {
                subscribe(account.scope(), account.scope().context(endpoint), topicArn, s);
            }
        }
    }

    private void subscribe(Scope scope, RequestContext ctx, String topicArn, SubscriptionSetup s) {
        String target = s.protocol().equals("sqs") ? scope.queueRef(s.endpoint().value()) : s.endpoint().value();
        ObjectNode input = JsonNodeFactory.instance.objectNode().put("TopicArn", topicArn)
                .put("Protocol", s.protocol()).put("Endpoint", target).put("ReturnSubscriptionArn", true);
        if (!s.attributes().isEmpty()) {
            input.set("Attributes", AttributeValues.object(AttributeValues.texts(s.attributes(), scope)));
        }
        String arn;
        try {
            arn = sns.call(ctx, "Subscribe", input).path("SubscriptionArn").asText();
        } catch (AwsException e) {
            Position fallback = e.getMessage() != null && e.getMessage().contains("ndpoint") ? s.endpoint().at() : s.at();
            throw AttributeValues.placed(e, s.attributes(), fallback);
        }
        if (s.confirmed()) {
            service.subscriptionToken(arn).ifPresent(token -> {
                ObjectNode attributes = sns.call(ctx, "GetSubscriptionAttributes",
                        JsonNodeFactory.instance.objectNode().put("SubscriptionArn", arn), s.at());
                if (attributes.path("Attributes").path("PendingConfirmation").asText().equals("true")) {
                    sns.call(ctx, "ConfirmSubscription", JsonNodeFactory.instance.objectNode()
                            .put("TopicArn", topicArn).put("Token", token.path("subscription_token").asText()), s.at());
                }
            });
        }
    }
}
