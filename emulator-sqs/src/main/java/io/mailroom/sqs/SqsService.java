package io.mailroom.sqs;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.mailroom.core.delivery.QueueSink;
import io.mailroom.core.model.ServiceModel;
import io.mailroom.core.request.RequestContext;
import io.mailroom.core.service.AwsService;
import io.mailroom.core.service.EnumPolicy;
import io.mailroom.core.service.OperationTable;
import io.mailroom.core.service.FileProblems;
import io.mailroom.core.service.Persistent;
import io.mailroom.core.service.ServiceDescriptor;
import io.mailroom.core.service.ValidationErrors;
import io.mailroom.core.time.Clock;
import io.mailroom.core.time.Scheduler;
import io.mailroom.sqs.api.MessageOperations;
import io.mailroom.sqs.api.MoveTaskOperations;
import io.mailroom.sqs.api.PermissionOperations;
import io.mailroom.sqs.api.QueueOperations;
import io.mailroom.sqs.attribute.RedrivePolicy;
import io.mailroom.sqs.move.MoveTasks;
import io.mailroom.sqs.persistence.SnapshotFile;
import io.mailroom.sqs.persistence.SqsSnapshot;
import io.mailroom.sqs.queue.Queue;
import io.mailroom.sqs.queue.QueueCounts;
import io.mailroom.sqs.queue.QueueRegistry;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Amazon SQS: queues, messages, visibility, FIFO, dead-letter queues and message move tasks. */
public final class SqsService implements AwsService, Persistent {
    private static final Logger LOG = LoggerFactory.getLogger(SqsService.class);
    public static final String JSON_MODEL = "/io/mailroom/sqs/sqs-2012-11-05.json";
    public static final String QUERY_MODEL = "/io/mailroom/sqs/sqs-2012-11-05.query-protocol.json";

    private final Clock clock;
    private final Scheduler scheduler;
    private final ServiceDescriptor descriptor;
    private final QueueRegistry registry = new QueueRegistry();
    private final MoveTasks moveTasks;
    private final MessageOperations messages;
    private final OperationTable operations;
    private final QueueSink queueSink;

    public SqsService(Clock clock, Scheduler scheduler) {
        this.clock = clock;
        this.scheduler = scheduler;
        ServiceModel json = SqsModels.JSON;
        ServiceModel query = SqsModels.QUERY;
        this.descriptor = new ServiceDescriptor("sqs", Optional.of(json), Optional.of(query), "com.amazonaws.sqs#",
                SqsErrors.BY_SHAPE, Map.of(
                        // Also names message system attributes in ReceiveMessage; the operations check it.
                        "QueueAttributeName", new EnumPolicy.Open(),
                        "MessageSystemAttributeName",
                        new EnumPolicy.Reject(SqsErrors.INVALID_ATTRIBUTE_NAME, "Unknown Attribute %s.")))
                .withValidation(new ValidationErrors(SqsErrors.MISSING_PARAMETER, SqsErrors.INVALID_PARAMETER_VALUE));
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

    /** The queues and messages as they stand; see {@link SqsSnapshot} for what is (not) included. */
    public SqsSnapshot snapshot() {
        return SqsSnapshot.of(registry.all());
    }

    /**
     * Replaces every queue and message with the snapshot's. Messages that were in flight come back visible,
     * delayed ones stay delayed until their time; FIFO de-duplication windows and move tasks start empty.
     * Nothing changes if the snapshot cannot be restored.
     */
    public void restore(SqsSnapshot snapshot) {
        List<Queue> queues = snapshot.toQueues(clock, scheduler, registry);
        if (queues.stream().map(Queue::address).distinct().count() != queues.size()) {
            throw new IllegalArgumentException("a queue is listed more than once");
        }
        reset();
        queues.forEach(registry::putIfAbsent);
    }

    /** Writes {@code <dataDir>/sqs/state.json}; called once the server stopped taking requests. */
    @Override
    public void save(Path dataDir) {
        Path file = SnapshotFile.in(dataDir);
        SqsSnapshot snapshot = snapshot();
        SnapshotFile.write(file, snapshot);
        LOG.info("Saved {} queues and {} messages to {}", snapshot.queues().size(), snapshot.messageCount(), file);
    }

    /** Reads {@code <dataDir>/sqs/state.json} back if it exists; refuses to start from a file it cannot read. */
    @Override
    public void load(Path dataDir) {
        Path file = SnapshotFile.in(dataDir);
        SqsSnapshot snapshot;
        try {
            SnapshotFile.removeLeftovers(file);
            if (!Files.exists(file)) {
                return;
            }
            snapshot = SnapshotFile.read(file);
            restore(snapshot);
        } catch (RuntimeException e) {
            // Starting empty would throw the saved state away at the next stop: better not start at all.
            throw new IllegalStateException("cannot restore SQS state from " + file + ": " + e.getMessage()
                    + (FileProblems.isAccess(e) ? " (let the server's user read and write it" : " (repair the file")
                    + ", or move it away to start with no queues)", e);
        }
        LOG.info("Restored {} queues and {} messages from {}", snapshot.queues().size(), snapshot.messageCount(),
                file);
    }

    /**
     * The LocalStack-compatible developer endpoint {@code GET /_aws/sqs/messages?QueueUrl=...}: the queue's
     * messages shaped like a ReceiveMessage answer, with all attributes, without changing any message.
     */
    public ObjectNode inspect(RequestContext ctx, String queueUrl, boolean showInvisible, boolean showDelayed) {
        return messages.inspect(ctx, queueUrl, showInvisible, showDelayed);
    }

    /** Every queue of every account and region with its counters, for the dashboard. */
    public List<QueueSummary> queues() {
        return registry.all().stream().map(q -> {
            QueueCounts counts = q.counts();
            RedrivePolicy redrive = q.config().redrivePolicy();
            return new QueueSummary(q.address().accountId(), q.address().region(), q.address().name(), q.arn(),
                    q.fifo(), counts.visible(), counts.inflight(), counts.delayed(),
                    redrive == null ? null : redrive.deadLetterTargetArn());
        }).toList();
    }
}
