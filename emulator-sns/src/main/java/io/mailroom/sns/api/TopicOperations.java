package io.mailroom.sns.api;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.mailroom.core.request.RequestContext;
import io.mailroom.sns.SnsErrors;
import io.mailroom.sns.SnsModel;
import io.mailroom.sns.SnsState;
import io.mailroom.sns.arn.Arn;
import io.mailroom.sns.delivery.DeliveryPolicy;
import io.mailroom.sns.publish.Notification;
import io.mailroom.sns.subscription.Subscription;
import io.mailroom.sns.topic.LargePayloads;
import io.mailroom.sns.topic.TagSet;
import io.mailroom.sns.topic.Topic;
import io.mailroom.sns.topic.TopicAttributes;
import io.mailroom.sns.topic.TopicName;
import io.mailroom.sns.topic.TopicPolicy;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** CreateTopic, DeleteTopic, ListTopics, topic attributes, permissions and data protection policies. */
public final class TopicOperations {
    public static final int PAGE_SIZE = 100;
    private static final ObjectMapper JSON = new ObjectMapper();

    private final SnsState state;

    public TopicOperations(SnsState state) {
        this.state = state;
    }

    public ObjectNode createTopic(RequestContext ctx, ObjectNode in) {
        String name = Inputs.text(in, "Name");
        Map<String, String> attributes = Inputs.stringMap(in, "Attributes");
        List<TagSet.Tag> tags = Inputs.tags(in, "Tags");
        String dataProtection = Inputs.text(in, "DataProtectionPolicy");
        String fifoValue = attributes.get(TopicAttributes.FIFO_TOPIC);
        if (fifoValue != null && !fifoValue.equalsIgnoreCase("true") && !fifoValue.equalsIgnoreCase("false")) {
            throw SnsErrors.invalid("FifoTopic: Invalid value [" + fifoValue + "]. Must be true or false.");
        }
        boolean fifo = "true".equalsIgnoreCase(fifoValue);
        TopicName.validate(name, fifo);
        Map<String, String> validated = new LinkedHashMap<>();
        attributes.forEach((k, v) -> {
            if (k.equals(TopicAttributes.FIFO_TOPIC)) {
                return;
            }
            if (!TopicAttributes.isSettable(k)) {
                throw SnsErrors.invalid("Attributes Reason: Unknown attribute name " + k);
            }
            validated.put(k, TopicAttributes.validate(k, v, fifo));
        });
        TagSet.validate(tags);
        if (tags.size() > TagSet.MAX_TAGS) {
            throw TagSet.tagLimit();
        }
        if (dataProtection != null) {
            validateDataProtectionPolicy(dataProtection);
        }
        String arn = Arn.of("sns", ctx.region(), ctx.accountId(), name).toString();
        synchronized (state.lock) {
            Topic existing = state.topics.find(arn).orElse(null);
            if (existing != null) {
                if (!sameAttributes(existing, fifo, validated)) {
                    throw SnsErrors.invalid("Attributes Reason: Topic already exists with different attributes");
                }
                if (!existing.tags().includes(tags)) {
                    throw SnsErrors.invalid("Tags Reason: Topic already exists with different tags");
                }
                return Outputs.of("TopicArn", arn);
            }
            Topic topic = new Topic(arn, name, ctx.accountId(), ctx.region(), fifo);
            validated.forEach(topic::setAttribute);
            String archivePolicy = validated.get(TopicAttributes.ARCHIVE_POLICY);
            if (archivePolicy != null) {
                archive(topic, archivePolicy);
            }
            topic.tags().put(tags);
            topic.dataProtectionPolicy(dataProtection);
            state.topics.add(topic);
        }
        return Outputs.of("TopicArn", arn);
    }

    /** CreateTopic on an existing name is idempotent only with the same attributes (AWS compares them). */
    private static boolean sameAttributes(Topic topic, boolean fifo, Map<String, String> requested) {
        if (topic.isFifo() != fifo) {
            return false;
        }
        for (Map.Entry<String, String> e : requested.entrySet()) {
            String current = e.getKey().equals(TopicAttributes.POLICY)
                    ? null : topic.attributes().get(e.getKey());
            if (e.getKey().equals(TopicAttributes.POLICY)) {
                if (!TopicPolicy.parse(e.getValue()).equals(topic.policy())) {
                    return false;
                }
                continue;
            }
            String effective = current != null ? current : defaultValue(e.getKey());
            if (!e.getValue().equals(effective)) {
                return false;
            }
        }
        return true;
    }

    private static String defaultValue(String attribute) {
        return switch (attribute) {
            case TopicAttributes.CONTENT_BASED_DEDUPLICATION -> "false";
            case TopicAttributes.SIGNATURE_VERSION -> "1";
            case TopicAttributes.TRACING_CONFIG -> "PassThrough";
            case TopicAttributes.FIFO_THROUGHPUT_SCOPE -> "Topic";
            default -> "";
        };
    }

    public ObjectNode deleteTopic(RequestContext ctx, ObjectNode in) {
        String topicArn = Inputs.text(in, "TopicArn");
        Arn arn = SnsState.arn(topicArn, "TopicArn");
        if (!arn.service().equals("sns") || !arn.region().equals(ctx.region())) {
            // As for every other topic call, AWS refuses a topic of another region (recorded on AWS).
            throw SnsErrors.invalid("TopicArn");
        }
        synchronized (state.lock) {
            // Idempotent: deleting a topic that does not exist is not an error.
            state.topics.find(topicArn).ifPresent(topic -> {
                if (topic.archive().isOn()) {
                    throw SnsErrors.INVALID_STATE.exception("Invalid state: Cannot delete a topic with an ArchivePolicy");
                }
                for (Subscription s : topic.subscriptionsSnapshot()) {
                    state.subscriptions.remove(s);
                    topic.removeSubscription(s);
                }
                state.topics.remove(topicArn);
            });
        }
        return Outputs.empty();
    }

    public ObjectNode listTopics(RequestContext ctx, ObjectNode in) {
        String prefix = "arn:" + Arn.partitionOf(ctx.region()) + ":sns:" + ctx.region() + ":" + ctx.accountId() + ":";
        var page = PageToken.after(state.topics.withPrefix(prefix), Inputs.text(in, "NextToken"));
        ObjectNode out = Outputs.empty();
        ArrayNode list = out.putArray("Topics");
        String last = null;
        int count = 0;
        for (String arn : page.keySet()) {
            if (count == PAGE_SIZE) {
                out.put("NextToken", PageToken.encode(last));
                break;
            }
            list.addObject().put("TopicArn", arn);
            last = arn;
            count++;
        }
        return out;
    }

    public ObjectNode getTopicAttributes(RequestContext ctx, ObjectNode in) {
        Topic topic = state.topic(ctx, Inputs.text(in, "TopicArn"), "TopicArn");
        return Outputs.attributes("Attributes", render(topic, state.clock.millis()));
    }

    /** Every attribute AWS answers for a topic, set ones and computed ones ({@code now} for BeginningArchiveTime). */
    private static Map<String, String> render(Topic topic, long now) {
        Map<String, String> out = new LinkedHashMap<>();
        out.put("Policy", write(topic.policy()));
        out.put("Owner", topic.account());
        out.put("SubscriptionsPending", Long.toString(topic.subscriptionsPending()));
        out.put("TopicArn", topic.arn());
        out.put("EffectiveDeliveryPolicy", write(DeliveryPolicy.topicEffectiveJson(topic.deliveryPolicy())));
        out.put("SubscriptionsConfirmed", Long.toString(topic.subscriptionsConfirmed()));
        out.put("DisplayName", topic.attributes().getOrDefault(TopicAttributes.DISPLAY_NAME, ""));
        out.put("SubscriptionsDeleted", Long.toString(topic.subscriptionsDeleted()));
        topic.attributes().forEach((k, v) -> {
            if (!k.equals(TopicAttributes.DISPLAY_NAME)) {
                out.put(k, v);
            }
        });
        if (topic.isFifo()) {
            out.put(TopicAttributes.FIFO_TOPIC, "true");
            out.putIfAbsent(TopicAttributes.CONTENT_BASED_DEDUPLICATION, "false");
            out.putIfAbsent(TopicAttributes.FIFO_THROUGHPUT_SCOPE, "Topic");
            long beginning = topic.archive().beginning(now);
            if (beginning >= 0) {
                out.put("BeginningArchiveTime", Notification.formatTimestamp(beginning));
            }
        }
        return out;
    }

    public ObjectNode setTopicAttributes(RequestContext ctx, ObjectNode in) {
        Topic topic = state.topic(ctx, Inputs.text(in, "TopicArn"), "TopicArn");
        String name = Inputs.text(in, "AttributeName");
        String value = Inputs.text(in, "AttributeValue");
        if (name == null || !TopicAttributes.isSettable(name)) {
            throw SnsErrors.invalid("AttributeName");
        }
        String validated = TopicAttributes.validate(name, value, topic.isFifo());
        synchronized (state.lock) {
            if (name.equals(TopicAttributes.MAXIMUM_MESSAGE_SIZE)) {
                LargePayloads.checkRaise(Integer.parseInt(validated),
                        topic.subscribers().stream().map(Subscription::protocol).toList());
            }
            topic.setAttribute(name, validated);
            if (name.equals(TopicAttributes.ARCHIVE_POLICY)) {
                archive(topic, validated);
            }
        }
        return Outputs.empty();
    }

    /** An ArchivePolicy set (or {@code {}}, validated to empty): archiving on, with its retention, or off. */
    private void archive(Topic topic, String policy) {
        if (policy.isEmpty()) {
            topic.archive().disable();
        } else {
            topic.archive().enable(TopicAttributes.archiveRetentionDays(policy), state.clock.millis());
        }
    }

    public ObjectNode addPermission(RequestContext ctx, ObjectNode in) {
        Topic topic = state.topic(ctx, Inputs.text(in, "TopicArn"), "TopicArn");
        String label = Inputs.text(in, "Label");
        List<String> accounts = Inputs.stringList(in, "AWSAccountId");
        List<String> actions = Inputs.stringList(in, "ActionName");
        if (label == null || label.isEmpty() || !label.matches("[A-Za-z0-9_-]{1,100}")) {
            throw SnsErrors.invalid("Label");
        }
        if (accounts.isEmpty()) {
            throw SnsErrors.invalid("AWSAccountId");
        }
        if (actions.isEmpty()) {
            throw SnsErrors.invalid("ActionName");
        }
        for (String action : actions) {
            if (!action.equals("*") && SnsModel.MODEL.operation(action).isEmpty()) {
                throw SnsErrors.invalid("Policy statement action out of service scope!");
            }
        }
        synchronized (state.lock) {
            topic.policy(TopicPolicy.withPermission(topic.policy(), topic.arn(), label, accounts, actions));
        }
        return Outputs.empty();
    }

    public ObjectNode removePermission(RequestContext ctx, ObjectNode in) {
        Topic topic = state.topic(ctx, Inputs.text(in, "TopicArn"), "TopicArn");
        String label = Inputs.text(in, "Label");
        if (label == null || label.isEmpty()) {
            throw SnsErrors.invalid("Label");
        }
        synchronized (state.lock) {
            topic.policy(TopicPolicy.withoutPermission(topic.policy(), label));
        }
        return Outputs.empty();
    }

    public ObjectNode getDataProtectionPolicy(RequestContext ctx, ObjectNode in) {
        Topic topic = state.topic(ctx, Inputs.text(in, "ResourceArn"), "ResourceArn");
        ObjectNode out = Outputs.empty();
        out.put("DataProtectionPolicy", topic.dataProtectionPolicy() == null ? "" : topic.dataProtectionPolicy());
        return out;
    }

    public ObjectNode putDataProtectionPolicy(RequestContext ctx, ObjectNode in) {
        Topic topic = state.topic(ctx, Inputs.text(in, "ResourceArn"), "ResourceArn");
        String policy = Inputs.text(in, "DataProtectionPolicy");
        validateDataProtectionPolicy(policy);
        topic.dataProtectionPolicy(policy);
        return Outputs.empty();
    }

    private static void validateDataProtectionPolicy(String policy) {
        try {
            if (policy != null && JSON.readTree(policy).isObject()) {
                return;
            }
        } catch (Exception e) {
            // answered below
        }
        throw SnsErrors.invalid("DataProtectionPolicy Reason: Policy must be a valid JSON document");
    }

    private static String write(Object node) {
        try {
            return JSON.writeValueAsString(node);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
