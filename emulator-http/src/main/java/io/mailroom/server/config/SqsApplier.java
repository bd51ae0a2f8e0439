package io.mailroom.server.config;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.mailroom.core.error.AwsException;
import io.mailroom.core.request.RequestContext;
import io.mailroom.sqs.SqsService;
import io.mailroom.sqs.queue.QueueAddress;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Queues, in two passes so that a dead-letter queue may be declared after its source: first every queue
 * with its attributes but without its RedrivePolicy, then the redrive policies.
 *
 * <p>Each queue is created with FifoQueue only, then given its attributes with SetQueueAttributes and its tags
 * with TagQueue. That converges when the queue exists already (restored from the data directory) where
 * a CreateQueue with different attributes would fail with QueueNameExists.
 */
final class SqsApplier {
    private static final String REDRIVE = "RedrivePolicy";
    private static final String FIFO = "FifoQueue";
    private final OperationCaller sqs;

    SqsApplier(SqsService service) {
        this.sqs = new OperationCaller(service);
    }

    void createQueues(AccountSetup account, String endpoint) {
        for (QueueSetup q : account.queues()) {
            RequestContext ctx = account.scope().context(endpoint);
            Map<String, ConfigValue> later = new LinkedHashMap<>(q.attributes());
            later.remove(REDRIVE);
            ObjectNode create = JsonNodeFactory.instance.objectNode().put("QueueName", q.name());
            ConfigValue fifo = later.remove(FIFO);
            if (fifo != null) {
                create.putObject("Attributes").put(FIFO, AttributeValues.text(fifo));
            }
            try {
                sqs.call(ctx, "CreateQueue", create);
            } catch (AwsException e) {
                throw AttributeValues.placed(e, fifo == null ? Map.of() : Map.of(FIFO, fifo), q.at());
            }
            String url = url(account, q, endpoint);
            if (!later.isEmpty()) {
                setAttributes(ctx, url, later, account.scope(), q.at());
            }
            if (!q.tags().isEmpty()) {
                ObjectNode tag = JsonNodeFactory.instance.objectNode().put("QueueUrl", url);
                tag.set("Tags", AttributeValues.object(q.tags()));
                sqs.call(ctx, "TagQueue", tag, q.at().field("tags", q.at().line()));
            }
        }
    }

    void setRedrivePolicies(AccountSetup account, String endpoint) {
        for (QueueSetup q : account.queues()) {
            ConfigValue redrive = q.attributes().get(REDRIVE);
            if (redrive != null) {
                setAttributes(account.scope().context(endpoint), url(account, q, endpoint), Map.of(REDRIVE, redrive),
                        account.scope(), q.at());
            }
        }
    }

    private void setAttributes(RequestContext ctx, String url, Map<String, ConfigValue> attributes, Scope scope,
                               Position at) {
        ObjectNode input = JsonNodeFactory.instance.objectNode().put("QueueUrl", url);
        input.set("Attributes", AttributeValues.object(AttributeValues.texts(attributes, scope)));
        try {
            sqs.call(ctx, "SetQueueAttributes", input);
        } catch (AwsException e) {
            throw AttributeValues.placed(e, attributes, at);
        }
    }

    private static String url(AccountSetup account, QueueSetup q, String endpoint) {
        return new QueueAddress(account.scope().accountId(), account.scope().region(), q.name()).url(endpoint);
    }
}
