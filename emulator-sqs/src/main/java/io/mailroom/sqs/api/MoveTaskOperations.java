package io.mailroom.sqs.api;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.mailroom.core.request.RequestContext;
import io.mailroom.sqs.SqsErrors;
import io.mailroom.sqs.attribute.RedrivePolicy;
import io.mailroom.sqs.move.MoveTaskHandle;
import io.mailroom.sqs.move.MoveTaskView;
import io.mailroom.sqs.move.MoveTasks;
import io.mailroom.sqs.queue.Queue;
import io.mailroom.sqs.queue.QueueAddress;
import io.mailroom.sqs.queue.QueueRegistry;

/** StartMessageMoveTask, CancelMessageMoveTask, ListMessageMoveTasks (dead-letter queue redrive). */
public final class MoveTaskOperations {
    private final QueueRegistry registry;
    private final MoveTasks tasks;

    public MoveTaskOperations(QueueRegistry registry, MoveTasks tasks) {
        this.registry = registry;
        this.tasks = tasks;
    }

    public ObjectNode startMessageMoveTask(RequestContext ctx, ObjectNode input) {
        Queue source = sourceQueue(Inputs.requiredText(input, "SourceArn"));
        if (!isDeadLetterQueue(source)) {
            throw SqsErrors.INVALID_PARAMETER_VALUE.exception("Source queue must be configured as a Dead Letter Queue.");
        }
        String destinationArn = Inputs.text(input, "DestinationArn");
        if (destinationArn != null) {
            QueueAddress d = QueueAddress.fromArn(destinationArn);
            if (d == null || registry.find(d) == null) {
                throw SqsErrors.RESOURCE_NOT_FOUND.exception(
                        "The resource that you specified for the DestinationArn parameter doesn't exist.");
            }
        }
        Integer rate = Inputs.bounded(input, "MaxNumberOfMessagesPerSecond", 1, 500);
        String handle = tasks.start(source, destinationArn, rate);
        return JsonNodeFactory.instance.objectNode().put("TaskHandle", handle);
    }

    public ObjectNode cancelMessageMoveTask(RequestContext ctx, ObjectNode input) {
        MoveTaskHandle handle = MoveTaskHandle.decode(Inputs.requiredText(input, "TaskHandle"));
        if (handle == null) {
            throw SqsErrors.INVALID_PARAMETER_VALUE.exception("Value for parameter TaskHandle is invalid.");
        }
        sourceQueue(handle.sourceArn());
        long moved = tasks.cancel(handle.taskId());
        return JsonNodeFactory.instance.objectNode().put("ApproximateNumberOfMessagesMoved", moved);
    }

    public ObjectNode listMessageMoveTasks(RequestContext ctx, ObjectNode input) {
        Queue source = sourceQueue(Inputs.requiredText(input, "SourceArn"));
        Integer max = Inputs.bounded(input, "MaxResults", 1, 10);
        ObjectNode out = JsonNodeFactory.instance.objectNode();
        ArrayNode results = out.putArray("Results");
        for (MoveTaskView t : tasks.list(source, max != null ? max : 1)) {
            ObjectNode r = results.addObject();
            if (t.taskHandle() != null) {
                r.put("TaskHandle", t.taskHandle());
            }
            r.put("Status", t.status().name());
            r.put("SourceArn", t.sourceArn());
            if (t.destinationArn() != null) {
                r.put("DestinationArn", t.destinationArn());
            }
            if (t.maxNumberOfMessagesPerSecond() != null) {
                r.put("MaxNumberOfMessagesPerSecond", t.maxNumberOfMessagesPerSecond());
            }
            r.put("ApproximateNumberOfMessagesMoved", t.moved());
            r.put("ApproximateNumberOfMessagesToMove", t.toMove());
            if (t.failureReason() != null) {
                r.put("FailureReason", t.failureReason());
            }
            r.put("StartedTimestamp", t.startedAt());
        }
        return out;
    }

    private Queue sourceQueue(String arn) {
        QueueAddress a = QueueAddress.fromArn(arn);
        if (a == null) {
            throw SqsErrors.INVALID_PARAMETER_VALUE.exception("You must use this format to specify the SourceArn:"
                    + " arn:<partition>:<service>:<region>:<account-id>:<resource-id>");
        }
        Queue q = registry.find(a);
        if (q == null) {
            throw SqsErrors.RESOURCE_NOT_FOUND.exception(
                    "The resource that you specified for the SourceArn parameter doesn't exist.");
        }
        return q;
    }

    private boolean isDeadLetterQueue(Queue q) {
        for (Queue s : registry.list(q.address().accountId(), q.address().region())) {
            RedrivePolicy p = s.config().redrivePolicy();
            if (p != null && p.deadLetterTargetArn().equals(q.arn())) {
                return true;
            }
        }
        return false;
    }
}
