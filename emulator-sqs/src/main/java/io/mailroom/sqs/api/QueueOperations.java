package io.mailroom.sqs.api;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.mailroom.core.request.RequestContext;
import io.mailroom.core.time.Clock;
import io.mailroom.core.time.Scheduler;
import io.mailroom.sqs.SqsErrors;
import io.mailroom.sqs.attribute.QueueAttribute;
import io.mailroom.sqs.attribute.QueueConfig;
import io.mailroom.sqs.attribute.QueueConfigParser;
import io.mailroom.sqs.attribute.RedriveAllowPolicy;
import io.mailroom.sqs.attribute.RedrivePolicy;
import io.mailroom.sqs.queue.Queue;
import io.mailroom.sqs.queue.QueueAddress;
import io.mailroom.sqs.queue.QueueCounts;
import io.mailroom.sqs.queue.QueueName;
import io.mailroom.sqs.queue.QueueRegistry;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/** Queue lifecycle and attributes: CreateQueue, GetQueueUrl, ListQueues, DeleteQueue, PurgeQueue, ... */
public final class QueueOperations {
    /** The order AWS lists attributes in for {@code All}. */
    private static final List<QueueAttribute> ALL_ORDER = List.of(
            QueueAttribute.QUEUE_ARN, QueueAttribute.APPROXIMATE_NUMBER_OF_MESSAGES,
            QueueAttribute.APPROXIMATE_NUMBER_OF_MESSAGES_NOT_VISIBLE,
            QueueAttribute.APPROXIMATE_NUMBER_OF_MESSAGES_DELAYED, QueueAttribute.CREATED_TIMESTAMP,
            QueueAttribute.LAST_MODIFIED_TIMESTAMP, QueueAttribute.VISIBILITY_TIMEOUT,
            QueueAttribute.MAXIMUM_MESSAGE_SIZE, QueueAttribute.MESSAGE_RETENTION_PERIOD,
            QueueAttribute.DELAY_SECONDS, QueueAttribute.POLICY, QueueAttribute.REDRIVE_POLICY,
            QueueAttribute.REDRIVE_ALLOW_POLICY, QueueAttribute.RECEIVE_MESSAGE_WAIT_TIME_SECONDS,
            QueueAttribute.KMS_MASTER_KEY_ID, QueueAttribute.KMS_DATA_KEY_REUSE_PERIOD_SECONDS,
            QueueAttribute.SQS_MANAGED_SSE_ENABLED, QueueAttribute.FIFO_QUEUE, QueueAttribute.DEDUPLICATION_SCOPE,
            QueueAttribute.FIFO_THROUGHPUT_LIMIT, QueueAttribute.CONTENT_BASED_DEDUPLICATION);

    private final QueueRegistry registry;
    private final Clock clock;
    private final Scheduler scheduler;

    public QueueOperations(QueueRegistry registry, Clock clock, Scheduler scheduler) {
        this.registry = registry;
        this.clock = clock;
        this.scheduler = scheduler;
    }

    /** The queue a QueueUrl names, in the caller's region. */
    Queue resolve(RequestContext ctx, ObjectNode input) {
        return registry.require(QueueAddress.fromUrl(Inputs.text(input, "QueueUrl"), ctx.region()));
    }

    public ObjectNode createQueue(RequestContext ctx, ObjectNode input) {
        String name = Inputs.requiredText(input, "QueueName");
        Map<String, String> attributes = Inputs.stringMap(input, "Attributes");
        Map<String, String> tags = Inputs.stringMap(input, "tags");
        boolean fifo = QueueConfigParser.fifoRequested(attributes);
        QueueName.validate(name, fifo);
        QueueConfig config = QueueConfigParser.apply(QueueConfig.defaults(fifo), attributes);
        QueueAddress address = new QueueAddress(ctx.accountId(), ctx.region(), name);
        Queue existing = registry.find(address);
        if (existing == null) {
            if (registry.deletedRecently(address, clock.millis())) {
                throw SqsErrors.QUEUE_DELETED_RECENTLY.exception("You must wait 60 seconds after deleting a queue"
                        + " before you can create another with the same name.");
            }
            Tags.validate(tags, name);
            validateRedrive(address, config, attributes);
            Queue created = new Queue(address, config, tags, clock, scheduler, registry);
            existing = registry.putIfAbsent(created);
        }
        if (existing != null) {
            requireSameAttributes(existing.config(), config, attributes);
            // Undocumented but observed: tags given for an existing queue must be exactly its tags, even when
            // it has none (https://github.com/awslabs/amazon-sqs-java-temporary-queues-client/pull/70).
            if (!tags.isEmpty() && !tags.equals(existing.tags())) {
                throw SqsErrors.QUEUE_NAME_EXISTS.exception("A queue already exists with the same name and different tags");
            }
        }
        return JsonNodeFactory.instance.objectNode().put("QueueUrl", address.url(ctx.endpoint()));
    }

    /** CreateQueue of an existing name succeeds only if every given attribute has the existing value. */
    private static void requireSameAttributes(QueueConfig existing, QueueConfig requested, Map<String, String> given) {
        for (String name : given.keySet()) {
            QueueAttribute a = QueueAttribute.byName(name);
            if (!Objects.equals(existing.value(a), requested.value(a))) {
                throw SqsErrors.QUEUE_NAME_EXISTS.exception(
                        "A queue already exists with the same name and a different value for attribute %s", name);
            }
        }
    }

    /**
     * A dead-letter queue must exist in the same account and region, be of the same type, and allow this
     * queue in its RedriveAllowPolicy.
     */
    private void validateRedrive(QueueAddress source, QueueConfig config, Map<String, String> given) {
        RedrivePolicy policy = config.redrivePolicy();
        if (policy == null || !given.containsKey(QueueAttribute.REDRIVE_POLICY.wireName())) {
            return;
        }
        String raw = given.get(QueueAttribute.REDRIVE_POLICY.wireName());
        QueueAddress target = QueueAddress.fromArn(policy.deadLetterTargetArn());
        if (target == null) {
            throw QueueConfigParser.redriveError(raw, "Invalid value for deadLetterTargetArn.");
        }
        Queue dlq = !target.accountId().equals(source.accountId())
                || !target.region().equals(source.region()) ? null : registry.find(target);
        if (dlq == null) {
            throw QueueConfigParser.redriveError(raw, "Dead letter target does not exist.");
        }
        if (dlq.fifo() != config.fifo()) {
            throw QueueConfigParser.redriveError(raw, "Dead-letter queue must be same type of queue as the source.");
        }
        RedriveAllowPolicy allow = dlq.config().redriveAllowPolicy();
        if (allow != null && !allow.allows(source.arn())) {
            throw QueueConfigParser.redriveError(raw, "Queue " + source.arn() + " is not allowed to use "
                    + dlq.arn() + " as its dead-letter queue by the dead-letter queue's RedriveAllowPolicy.");
        }
    }

    public ObjectNode getQueueUrl(RequestContext ctx, ObjectNode input) {
        String name = Inputs.requiredText(input, "QueueName");
        String owner = Inputs.text(input, "QueueOwnerAWSAccountId");
        Queue q = registry.require(new QueueAddress(owner != null ? owner : ctx.accountId(), ctx.region(), name));
        return JsonNodeFactory.instance.objectNode().put("QueueUrl", q.address().url(ctx.endpoint()));
    }

    public ObjectNode listQueues(RequestContext ctx, ObjectNode input) {
        String prefix = Inputs.text(input, "QueueNamePrefix");
        List<String> names = new ArrayList<>();
        for (Queue q : registry.list(ctx.accountId(), ctx.region())) {
            if (prefix == null || q.address().name().startsWith(prefix)) {
                names.add(q.address().name());
            }
        }
        ObjectNode out = JsonNodeFactory.instance.objectNode();
        Paging.page(input, out, "QueueUrls", names,
                n -> new QueueAddress(ctx.accountId(), ctx.region(), n).url(ctx.endpoint()), false);
        return out;
    }

    public ObjectNode deleteQueue(RequestContext ctx, ObjectNode input) {
        registry.delete(resolve(ctx, input), clock.millis());
        return JsonNodeFactory.instance.objectNode();
    }

    public ObjectNode purgeQueue(RequestContext ctx, ObjectNode input) {
        resolve(ctx, input).purge();
        return JsonNodeFactory.instance.objectNode();
    }

    public ObjectNode getQueueAttributes(RequestContext ctx, ObjectNode input) {
        Queue q = resolve(ctx, input);
        List<QueueAttribute> requested = new ArrayList<>();
        for (String name : Inputs.strings(input, "AttributeNames")) {
            QueueAttribute a = QueueAttribute.byName(name);
            if (a == null) {
                throw QueueConfigParser.unknownAttribute(name);
            }
            if (a == QueueAttribute.ALL) {
                requested = ALL_ORDER;
                break;
            }
            if (!requested.contains(a)) {
                requested.add(a);
            }
        }
        ObjectNode out = JsonNodeFactory.instance.objectNode();
        if (requested.isEmpty()) {
            return out;
        }
        ObjectNode attributes = out.putObject("Attributes");
        QueueConfig config = q.config();
        QueueCounts counts = null;
        for (QueueAttribute a : requested) {
            String value = switch (a) {
                case QUEUE_ARN -> q.arn();
                case CREATED_TIMESTAMP -> Long.toString(q.createdAt() / 1000);
                case LAST_MODIFIED_TIMESTAMP -> Long.toString(q.lastModifiedAt() / 1000);
                case APPROXIMATE_NUMBER_OF_MESSAGES, APPROXIMATE_NUMBER_OF_MESSAGES_NOT_VISIBLE,
                        APPROXIMATE_NUMBER_OF_MESSAGES_DELAYED -> {
                    if (counts == null) {
                        counts = q.counts();
                    }
                    yield Integer.toString(a == QueueAttribute.APPROXIMATE_NUMBER_OF_MESSAGES ? counts.visible()
                            : a == QueueAttribute.APPROXIMATE_NUMBER_OF_MESSAGES_DELAYED ? counts.delayed()
                            : counts.inflight());
                }
                default -> config.value(a);
            };
            if (value != null) {
                attributes.put(a.wireName(), value);
            }
        }
        return out;
    }

    public ObjectNode setQueueAttributes(RequestContext ctx, ObjectNode input) {
        Queue q = resolve(ctx, input);
        Map<String, String> attributes = Inputs.stringMap(input, "Attributes");
        QueueConfig next = QueueConfigParser.apply(q.config(), attributes);
        validateRedrive(q.address(), next, attributes);
        q.reconfigure(next);
        return JsonNodeFactory.instance.objectNode();
    }

    public ObjectNode listDeadLetterSourceQueues(RequestContext ctx, ObjectNode input) {
        Queue dlq = resolve(ctx, input);
        List<String> names = new ArrayList<>();
        for (Queue q : registry.list(dlq.address().accountId(), dlq.address().region())) {
            RedrivePolicy p = q.config().redrivePolicy();
            if (p != null && p.deadLetterTargetArn().equals(dlq.arn())) {
                names.add(q.address().name());
            }
        }
        ObjectNode out = JsonNodeFactory.instance.objectNode();
        QueueAddress a = dlq.address();
        Paging.page(input, out, "queueUrls", names,
                n -> new QueueAddress(a.accountId(), a.region(), n).url(ctx.endpoint()), true);
        return out;
    }

    public ObjectNode tagQueue(RequestContext ctx, ObjectNode input) {
        Queue q = resolve(ctx, input);
        Map<String, String> tags = Inputs.stringMap(input, "Tags");
        if (tags.isEmpty()) {
            throw SqsErrors.MISSING_PARAMETER.exception("The request must contain the parameter Tags.");
        }
        q.updateTags(current -> {
            current.putAll(tags);
            Tags.validate(current, q.address().name());
        });
        return JsonNodeFactory.instance.objectNode();
    }

    public ObjectNode untagQueue(RequestContext ctx, ObjectNode input) {
        Queue q = resolve(ctx, input);
        List<String> keys = Inputs.strings(input, "TagKeys");
        if (keys.isEmpty()) {
            throw SqsErrors.MISSING_PARAMETER.exception("The request must contain the parameter TagKeys.");
        }
        Tags.requireRemovable(keys);
        q.updateTags(current -> keys.forEach(current::remove));
        return JsonNodeFactory.instance.objectNode();
    }

    public ObjectNode listQueueTags(RequestContext ctx, ObjectNode input) {
        Map<String, String> tags = resolve(ctx, input).tags();
        ObjectNode out = JsonNodeFactory.instance.objectNode();
        if (!tags.isEmpty()) {
            ObjectNode t = out.putObject("Tags");
            tags.forEach(t::put);
        }
        return out;
    }
}
