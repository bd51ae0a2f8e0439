package io.mailroom.sqs.api;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.mailroom.core.error.AwsException;
import io.mailroom.core.request.RequestContext;
import io.mailroom.sqs.SqsErrors;
import io.mailroom.sqs.attribute.QueueConfig;
import io.mailroom.sqs.message.MessageAttributes;
import io.mailroom.sqs.message.MessageAttributesParser;
import io.mailroom.sqs.message.MessageBody;
import io.mailroom.sqs.message.MessageState;
import io.mailroom.sqs.message.SystemAttributes;
import io.mailroom.sqs.queue.InspectedMessage;
import io.mailroom.sqs.queue.Queue;
import io.mailroom.sqs.queue.QueueAddress;
import io.mailroom.sqs.queue.QueueRegistry;
import io.mailroom.sqs.queue.ReceiveOptions;
import io.mailroom.sqs.queue.Received;
import io.mailroom.sqs.queue.SendRequest;
import io.mailroom.sqs.queue.SendResult;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

/** Sending, receiving, deleting messages and changing their visibility. */
public final class MessageOperations {
    /** The sum of a batch's message sizes may not exceed 1 MiB (SendMessageBatch API reference). */
    static final int MAX_BATCH_SIZE = 1_048_576;
    private static final String NO_DEDUPLICATION_ID = "The queue should either have ContentBasedDeduplication enabled"
            + " or MessageDeduplicationId provided explicitly";

    private final QueueOperations queues;
    private final QueueRegistry registry;

    public MessageOperations(QueueOperations queues, QueueRegistry registry) {
        this.queues = queues;
        this.registry = registry;
    }

    // ---------------------------------------------------------------- send

    public ObjectNode sendMessage(RequestContext ctx, ObjectNode input) {
        Queue q = queues.resolve(ctx, input);
        SendRequest request = prepare(ctx.accountId(), q, input);
        SendResult result = q.send(request);
        ObjectNode out = JsonNodeFactory.instance.objectNode();
        sent(out, request, result);
        return out;
    }

    /** A send on behalf of another service (SNS, ...): SendMessage's rules, the given sender. */
    public SendResult sendAs(String senderId, Queue q, ObjectNode input) {
        return q.send(prepare(senderId, q, input));
    }

    public ObjectNode sendMessageBatch(RequestContext ctx, ObjectNode input) {
        Queue q = queues.resolve(ctx, input);
        JsonNode entries = Batch.entries(input, "SendMessageBatchRequestEntry");
        if (q.fifo()) {
            requireFifoIds(entries, q.config().contentBasedDeduplication());
        }
        // Every entry is checked (its body encoded) once, and nothing is sent before the batch's size is known.
        List<Prepared> prepared = new ArrayList<>(entries.size());
        long total = 0;
        for (JsonNode e : entries) {
            try {
                SendRequest request = prepare(ctx.accountId(), q, (ObjectNode) e);
                prepared.add(new Prepared(request, null));
                total += request.body().size() + request.attributes().size();
            } catch (AwsException ex) {
                prepared.add(new Prepared(null, ex));
                total += approximateSize(e);
            }
        }
        if (total > MAX_BATCH_SIZE) {
            throw SqsErrors.BATCH_REQUEST_TOO_LONG.exception(
                    "Batch requests cannot be longer than %d bytes. You have sent %d bytes.", MAX_BATCH_SIZE, total);
        }
        ObjectNode out = JsonNodeFactory.instance.objectNode();
        ArrayNode successful = out.putArray("Successful");
        ArrayNode failed = out.putArray("Failed");
        for (int i = 0; i < prepared.size(); i++) {
            String id = entries.get(i).path("Id").asText();
            Prepared entry = prepared.get(i);
            if (entry.refused() != null) {
                Batch.failed(failed, id, entry.refused());
                continue;
            }
            try {
                SendResult result = q.send(entry.request());
                sent(successful.addObject().put("Id", id), entry.request(), result);
            } catch (AwsException ex) {
                if (ex.error() == SqsErrors.QUEUE_DOES_NOT_EXIST) {
                    throw ex;
                }
                Batch.failed(failed, id, ex);
            }
        }
        return out;
    }

    /**
     * On a FIFO queue an entry without a group id, or without a de-duplication id where the queue does not
     * derive one, fails the whole batch, not just the entry (AWS's answers, recorded with boto3), and
     * as InvalidParameterValue even where a lone SendMessage says MissingParameter.
     */
    private static void requireFifoIds(JsonNode entries, boolean contentBasedDeduplication) {
        for (JsonNode e : entries) {
            if (Inputs.text((ObjectNode) e, "MessageGroupId") == null) {
                throw SqsErrors.INVALID_PARAMETER_VALUE.exception("The request must contain the parameter MessageGroupId.");
            }
        }
        for (JsonNode e : entries) {
            if (!contentBasedDeduplication && Inputs.text((ObjectNode) e, "MessageDeduplicationId") == null) {
                throw SqsErrors.INVALID_PARAMETER_VALUE.exception(NO_DEDUPLICATION_ID);
            }
        }
    }

    /** A batch entry checked: the message to send, or why it was refused. */
    private record Prepared(SendRequest request, AwsException refused) {
    }

    private static void sent(ObjectNode out, SendRequest request, SendResult result) {
        out.put("MessageId", result.messageId());
        out.put("MD5OfMessageBody", request.md5OfBody());
        if (!request.attributes().isEmpty()) {
            out.put("MD5OfMessageAttributes", request.attributes().md5());
        }
        if (request.systemAttributes().md5() != null) {
            out.put("MD5OfMessageSystemAttributes", request.systemAttributes().md5());
        }
        if (result.sequenceNumber() != null) {
            out.put("SequenceNumber", result.sequenceNumber());
        }
    }

    /** Validates one message (a SendMessage or a batch entry) against the queue it goes to. */
    private static SendRequest prepare(String senderId, Queue q, ObjectNode input) {
        MessageBody body = MessageBody.of(Inputs.text(input, "MessageBody"));
        MessageAttributes attributes = MessageAttributesParser.parse(input.get("MessageAttributes"));
        SystemAttributes system = SystemAttributes.parse(input.get("MessageSystemAttributes"));
        QueueConfig config = q.config();
        int size = body.size() + attributes.size();
        if (size > config.maximumMessageSize()) {
            throw SqsErrors.INVALID_PARAMETER_VALUE.exception(
                    "One or more parameters are invalid. Reason: Message must be shorter than %d bytes.",
                    config.maximumMessageSize());
        }
        Integer delay = Inputs.integer(input, "DelaySeconds");
        if (delay != null && (delay < 0 || delay > 900)) {
            throw SqsErrors.INVALID_PARAMETER_VALUE.exception("Value %d for parameter DelaySeconds is invalid."
                    + " Reason: DelaySeconds must be >= 0 and <= 900.", delay);
        }
        String group = Inputs.text(input, "MessageGroupId");
        String dedup = Inputs.text(input, "MessageDeduplicationId");
        if (group != null) {
            FifoIds.validate(group, "MessageGroupId");
        }
        if (dedup != null) {
            FifoIds.validate(dedup, "MessageDeduplicationId");
        }
        if (q.fifo()) {
            // FIFO queues delay at queue level only; an explicit 0 is tolerated.
            if (delay != null && delay != 0) {
                throw SqsErrors.INVALID_PARAMETER_VALUE.exception("Value %d for parameter DelaySeconds is invalid."
                        + " Reason: The request include parameter that is not valid for this queue type.", delay);
            }
            delay = null;
            if (group == null) {
                throw SqsErrors.MISSING_PARAMETER.exception("The request must contain the parameter MessageGroupId.");
            }
            if (dedup == null) {
                if (!config.contentBasedDeduplication()) {
                    throw SqsErrors.INVALID_PARAMETER_VALUE.exception(NO_DEDUPLICATION_ID);
                }
                dedup = body.sha256();
            }
        } else if (dedup != null) {
            throw SqsErrors.INVALID_PARAMETER_VALUE.exception("Value %s for parameter MessageDeduplicationId is invalid."
                    + " Reason: The request includes a parameter that is not valid for this queue type.", dedup);
        }
        return new SendRequest(body, body.md5(), attributes, system, delay, group, dedup, senderId);
    }

    /** A batch entry's size before validation: body plus attribute names, types and values. */
    private static long approximateSize(JsonNode entry) {
        long size = entry.path("MessageBody").asText("").getBytes(StandardCharsets.UTF_8).length;
        JsonNode attributes = entry.get("MessageAttributes");
        if (attributes != null && attributes.isObject()) {
            Iterator<Map.Entry<String, JsonNode>> it = attributes.fields();
            while (it.hasNext()) {
                Map.Entry<String, JsonNode> a = it.next();
                size += a.getKey().getBytes(StandardCharsets.UTF_8).length;
                JsonNode v = a.getValue();
                size += v.path("DataType").asText("").getBytes(StandardCharsets.UTF_8).length;
                if (v.hasNonNull("StringValue")) {
                    size += v.get("StringValue").asText().getBytes(StandardCharsets.UTF_8).length;
                } else if (v.hasNonNull("BinaryValue")) {
                    size += v.get("BinaryValue").asText().length() * 3L / 4;
                }
            }
        }
        return size;
    }

    // ---------------------------------------------------------------- receive

    public CompletableFuture<ObjectNode> receiveMessage(RequestContext ctx, ObjectNode input) {
        Queue q;
        ReceiveOptions options;
        List<String> systemNames;
        List<String> messageNames;
        try {
            q = queues.resolve(ctx, input);
            Integer max = Inputs.bounded(input, "MaxNumberOfMessages", 1, 10);
            Integer visibility = Inputs.bounded(input, "VisibilityTimeout", 0, QueueConfig.MAX_VISIBILITY_TIMEOUT);
            Integer wait = Inputs.integer(input, "WaitTimeSeconds");
            if (wait != null && (wait < 0 || wait > 20)) {
                throw SqsErrors.INVALID_PARAMETER_VALUE.exception("Value %d for parameter WaitTimeSeconds is invalid."
                        + " Reason: Must be >= 0 and <= 20, if provided.", wait);
            }
            String attemptId = Inputs.text(input, "ReceiveRequestAttemptId");
            if (attemptId != null) {
                FifoIds.validate(attemptId, "ReceiveRequestAttemptId");
            }
            systemNames = new ArrayList<>(Inputs.strings(input, "AttributeNames"));
            systemNames.addAll(Inputs.strings(input, "MessageSystemAttributeNames"));
            messageNames = Inputs.strings(input, "MessageAttributeNames");
            options = new ReceiveOptions(max != null ? max : 1, visibility, wait, attemptId);
        } catch (AwsException e) {
            return CompletableFuture.failedFuture(e);
        }
        CompletableFuture<List<Received>> received;
        try {
            received = q.receive(options);
        } catch (AwsException e) {
            return CompletableFuture.failedFuture(e);
        }
        CompletableFuture<ObjectNode> answer = received.thenApply(list -> {
            ObjectNode out = JsonNodeFactory.instance.objectNode();
            if (!list.isEmpty()) {
                ArrayNode messages = out.putArray("Messages");
                for (Received r : list) {
                    MessageRenderer.render(messages, r.message(), r.receiptHandle(), r.receiveCount(),
                            r.firstReceivedAt(), systemNames, messageNames);
                }
            }
            return out;
        });
        // The front end cancels the answer when the client goes away; that must unpark the receive.
        answer.whenComplete((r, e) -> {
            if (answer.isCancelled()) {
                received.cancel(false);
            }
        });
        return answer;
    }

    // ---------------------------------------------------------------- delete, visibility

    public ObjectNode deleteMessage(RequestContext ctx, ObjectNode input) {
        queues.resolve(ctx, input).delete(Inputs.requiredText(input, "ReceiptHandle"));
        return JsonNodeFactory.instance.objectNode();
    }

    public ObjectNode deleteMessageBatch(RequestContext ctx, ObjectNode input) {
        Queue q = queues.resolve(ctx, input);
        JsonNode entries = Batch.entries(input, "DeleteMessageBatchRequestEntry");
        ObjectNode out = JsonNodeFactory.instance.objectNode();
        ArrayNode successful = out.putArray("Successful");
        ArrayNode failed = out.putArray("Failed");
        for (JsonNode e : entries) {
            String id = e.path("Id").asText();
            try {
                q.delete(e.path("ReceiptHandle").asText(null));
                successful.addObject().put("Id", id);
            } catch (AwsException ex) {
                if (ex.error() == SqsErrors.QUEUE_DOES_NOT_EXIST) {
                    throw ex;
                }
                Batch.failed(failed, id, ex);
            }
        }
        return out;
    }

    public ObjectNode changeMessageVisibility(RequestContext ctx, ObjectNode input) {
        Queue q = queues.resolve(ctx, input);
        String handle = Inputs.requiredText(input, "ReceiptHandle");
        q.changeVisibility(handle, visibilityTimeout(input));
        return JsonNodeFactory.instance.objectNode();
    }

    public ObjectNode changeMessageVisibilityBatch(RequestContext ctx, ObjectNode input) {
        Queue q = queues.resolve(ctx, input);
        JsonNode entries = Batch.entries(input, "ChangeMessageVisibilityBatchRequestEntry");
        ObjectNode out = JsonNodeFactory.instance.objectNode();
        ArrayNode successful = out.putArray("Successful");
        ArrayNode failed = out.putArray("Failed");
        for (JsonNode e : entries) {
            String id = e.path("Id").asText();
            try {
                q.changeVisibility(e.path("ReceiptHandle").asText(null), visibilityTimeout((ObjectNode) e));
                successful.addObject().put("Id", id);
            } catch (AwsException ex) {
                if (ex.error() == SqsErrors.QUEUE_DOES_NOT_EXIST) {
                    throw ex;
                }
                Batch.failed(failed, id, ex);
            }
        }
        return out;
    }

    private static int visibilityTimeout(ObjectNode input) {
        Integer v = Inputs.bounded(input, "VisibilityTimeout", 0, QueueConfig.MAX_VISIBILITY_TIMEOUT);
        if (v == null) {
            throw SqsErrors.MISSING_PARAMETER.exception("The request must contain the parameter VisibilityTimeout.");
        }
        return v;
    }

    // ---------------------------------------------------------------- inspection

    /** LocalStack-compatible {@code GET /_aws/sqs/messages}: every message, all attributes, no side effects. */
    public ObjectNode inspect(RequestContext ctx, String queueUrl, boolean showInvisible, boolean showDelayed) {
        Queue q = registry.require(QueueAddress.fromUrl(queueUrl, ctx.region()));
        ObjectNode out = JsonNodeFactory.instance.objectNode();
        ArrayNode messages = out.putArray("Messages");
        for (InspectedMessage m : q.inspect()) {
            boolean visible = m.state() == MessageState.VISIBLE;
            boolean delayed = m.state() == MessageState.DELAYED;
            if ((m.state() == MessageState.INFLIGHT && !showInvisible) || (delayed && !showDelayed)) {
                continue;
            }
            ObjectNode node = MessageRenderer.render(messages, m.message(), "SQS/BACKDOOR/ACCESS", m.receiveCount(),
                    m.firstReceivedAt(), MessageRenderer.ALL, MessageRenderer.ALL);
            ObjectNode attributes = (ObjectNode) node.get("Attributes");
            if (showInvisible) {
                attributes.put("IsVisible", Boolean.toString(visible));
            }
            if (showDelayed) {
                attributes.put("IsDelayed", Boolean.toString(delayed));
            }
        }
        return out;
    }
}
