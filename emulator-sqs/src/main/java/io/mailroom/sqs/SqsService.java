package io.mailroom.sqs;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.mailroom.core.delivery.QueueSink;
import io.mailroom.core.model.ModelLoader;
import io.mailroom.core.model.ServiceModel;
import io.mailroom.core.request.RequestContext;
import io.mailroom.core.service.AwsService;
import io.mailroom.core.service.EnumPolicy;
import io.mailroom.core.service.OperationTable;
import io.mailroom.core.service.ServiceDescriptor;
import io.mailroom.core.time.Clock;
import io.mailroom.core.time.Scheduler;
import io.mailroom.sqs.api.MessageOperations;
import io.mailroom.sqs.api.MoveTaskOperations;
import io.mailroom.sqs.api.PermissionOperations;
import io.mailroom.sqs.api.QueueOperations;
import io.mailroom.sqs.move.MoveTasks;
import io.mailroom.sqs.queue.QueueRegistry;
import java.util.Map;
import java.util.Optional;

/** Amazon SQS: queues, messages, visibility, FIFO, dead-letter queues and message move tasks. */
public final class SqsService implements AwsService {
    public static final String JSON_MODEL = "/io/mailroom/sqs/sqs-2012-11-05.json";
    public static final String QUERY_MODEL = "/io/mailroom/sqs/sqs-2012-11-05.query-protocol.json";

    private final ServiceDescriptor descriptor;
    private final QueueRegistry registry = new QueueRegistry();
    private final MoveTasks moveTasks;
    private final MessageOperations messages;
    private final OperationTable operations;
    private final QueueSink queueSink;

    public SqsService(Clock clock, Scheduler scheduler) {
        ServiceModel json = ModelLoader.fromResource(SqsService.class, JSON_MODEL);
        ServiceModel query = ModelLoader.fromResource(SqsService.class, QUERY_MODEL);
        this.descriptor = new ServiceDescriptor("sqs", Optional.of(json), Optional.of(query), "com.amazonaws.sqs#",
                SqsErrors.BY_SHAPE, Map.of(
                        // Also names message system attributes in ReceiveMessage; the operations check it.
                        "QueueAttributeName", new EnumPolicy.Open(),
                        "MessageSystemAttributeName",
                        new EnumPolicy.Reject(SqsErrors.INVALID_ATTRIBUTE_NAME, "Unknown Attribute %s.")));
        this.moveTasks = new MoveTasks(clock, scheduler, registry);
        QueueOperations queues = new QueueOperations(registry, clock, scheduler);
        this.messages = new MessageOperations(queues, registry);
        this.queueSink = new SqsQueueSink(registry, messages);
        PermissionOperations permissions = new PermissionOperations(queues, json.operations().keySet());
        MoveTaskOperations moves = new MoveTaskOperations(registry, moveTasks);
        this.operations = OperationTable.builder()
                .sync("AddPermission", permissions::addPermission)
                .sync("CancelMessageMoveTask", moves::cancelMessageMoveTask)
                .sync("ChangeMessageVisibility", messages::changeMessageVisibility)
                .sync("ChangeMessageVisibilityBatch", messages::changeMessageVisibilityBatch)
                .sync("CreateQueue", queues::createQueue)
                .sync("DeleteMessage", messages::deleteMessage)
                .sync("DeleteMessageBatch", messages::deleteMessageBatch)
                .sync("DeleteQueue", queues::deleteQueue)
                .sync("GetQueueAttributes", queues::getQueueAttributes)
                .sync("GetQueueUrl", queues::getQueueUrl)
                .sync("ListDeadLetterSourceQueues", queues::listDeadLetterSourceQueues)
                .sync("ListMessageMoveTasks", moves::listMessageMoveTasks)
                .sync("ListQueueTags", queues::listQueueTags)
                .sync("ListQueues", queues::listQueues)
                .sync("PurgeQueue", queues::purgeQueue)
                .async("ReceiveMessage", messages::receiveMessage)
                .sync("RemovePermission", permissions::removePermission)
                .sync("SendMessage", messages::sendMessage)
                .sync("SendMessageBatch", messages::sendMessageBatch)
                .sync("SetQueueAttributes", queues::setQueueAttributes)
                .sync("StartMessageMoveTask", moves::startMessageMoveTask)
                .sync("TagQueue", queues::tagQueue)
                .sync("UntagQueue", queues::untagQueue)
                .build();
    }

    /** The live queues (package-private: for tests that look at the engines). */
    QueueRegistry registry() {
        return registry;
    }

    /** How other services (SNS, ...) deliver into this service's queues. */
    public QueueSink queueSink() {
        return queueSink;
    }

    @Override
    public ServiceDescriptor descriptor() {
        return descriptor;
    }

    @Override
    public OperationTable operations() {
        return operations;
    }

    @Override
    public void reset() {
        moveTasks.clear();
        registry.clear();
    }

    /**
     * The LocalStack-compatible developer endpoint {@code GET /_aws/sqs/messages?QueueUrl=...}: the queue's
     * messages shaped like a ReceiveMessage answer, with all attributes, without changing any message.
     */
    public ObjectNode inspect(RequestContext ctx, String queueUrl, boolean showInvisible, boolean showDelayed) {
        return messages.inspect(ctx, queueUrl, showInvisible, showDelayed);
    }
}
