package io.mailroom.it;

import com.amazonaws.AmazonServiceException;
import com.amazonaws.auth.AWSStaticCredentialsProvider;
import com.amazonaws.auth.BasicAWSCredentials;
import com.amazonaws.client.builder.AwsClientBuilder.EndpointConfiguration;
import com.amazonaws.services.sqs.AmazonSQS;
import com.amazonaws.services.sqs.AmazonSQSClientBuilder;
import com.amazonaws.services.sqs.model.AddPermissionRequest;
import com.amazonaws.services.sqs.model.AmazonSQSException;
import com.amazonaws.services.sqs.model.BatchEntryIdsNotDistinctException;
import com.amazonaws.services.sqs.model.CancelMessageMoveTaskRequest;
import com.amazonaws.services.sqs.model.ChangeMessageVisibilityBatchRequestEntry;
import com.amazonaws.services.sqs.model.ChangeMessageVisibilityBatchResult;
import com.amazonaws.services.sqs.model.CreateQueueRequest;
import com.amazonaws.services.sqs.model.DeleteMessageBatchRequestEntry;
import com.amazonaws.services.sqs.model.EmptyBatchRequestException;
import com.amazonaws.services.sqs.model.ListDeadLetterSourceQueuesRequest;
import com.amazonaws.services.sqs.model.ListMessageMoveTasksRequest;
import com.amazonaws.services.sqs.model.ListMessageMoveTasksResultEntry;
import com.amazonaws.services.sqs.model.ListQueuesRequest;
import com.amazonaws.services.sqs.model.ListQueuesResult;
import com.amazonaws.services.sqs.model.Message;
import com.amazonaws.services.sqs.model.MessageAttributeValue;
import com.amazonaws.services.sqs.model.MessageSystemAttributeValue;
import com.amazonaws.services.sqs.model.QueueDoesNotExistException;
import com.amazonaws.services.sqs.model.QueueNameExistsException;
import com.amazonaws.services.sqs.model.ReceiptHandleIsInvalidException;
import com.amazonaws.services.sqs.model.ReceiveMessageRequest;
import com.amazonaws.services.sqs.model.ResourceNotFoundException;
import com.amazonaws.services.sqs.model.SendMessageBatchRequestEntry;
import com.amazonaws.services.sqs.model.SendMessageRequest;
import com.amazonaws.services.sqs.model.SendMessageResult;
import com.amazonaws.services.sqs.model.StartMessageMoveTaskRequest;
import com.amazonaws.services.sqs.model.TooManyEntriesInBatchRequestException;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;

/**
 * Not a test by itself: the program {@link SqsJavaSdkVersionsIT} runs in a JVM of its own against the AWS SDK for
 * Java v1 1.12.780, whose SQS client speaks the JSON protocol (later v1 releases than the Query-protocol one the
 * other tests use) with its own marshallers and its own reading of {@code x-amzn-query-error} into the old error
 * codes, and checks the MD5 digests of bodies and attributes. Compiled against the v1 SDK on the test classpath,
 * whose API the later release keeps. Every SQS operation; prints "ok" and the SDK's version when every check
 * holds, and fails with the first that does not.
 */
public final class SqsJsonV1Probe {
    private SqsJsonV1Probe() {
    }

    public static void main(String[] args) {
        AmazonSQS sqs = AmazonSQSClientBuilder.standard()
                .withEndpointConfiguration(new EndpointConfiguration(args[0], "us-east-1"))
                .withCredentials(new AWSStaticCredentialsProvider(new BasicAWSCredentials("test", "test")))
                .build();
        try {
            run(sqs, Long.toString(System.nanoTime(), 36));
        } finally {
            sqs.shutdown();
        }
        System.out.println("ok, SDK " + com.amazonaws.util.VersionInfoUtils.getVersion());
    }

    private static void run(AmazonSQS sqs, String suffix) {
        // Queues: create with attributes and tags, idempotent create, URL, paged listing.
        String url = sqs.createQueue(new CreateQueueRequest("v1j-" + suffix).addAttributesEntry("VisibilityTimeout", "45")
                .addTagsEntry("team", "a")).getQueueUrl();
        check(url.endsWith("/000000000000/v1j-" + suffix), "queue URL " + url);
        check(sqs.createQueue(new CreateQueueRequest("v1j-" + suffix).addAttributesEntry("VisibilityTimeout", "45"))
                .getQueueUrl().equals(url), "idempotent create");
        fails(QueueNameExistsException.class, "QueueAlreadyExists", () -> sqs.createQueue(
                new CreateQueueRequest("v1j-" + suffix).addAttributesEntry("VisibilityTimeout", "46")));
        check(sqs.getQueueUrl("v1j-" + suffix).getQueueUrl().equals(url), "GetQueueUrl");
        fails(QueueDoesNotExistException.class, "AWS.SimpleQueueService.NonExistentQueue",
                () -> sqs.getQueueUrl("v1j-missing-" + suffix));
        for (int i = 0; i < 3; i++) {
            sqs.createQueue("v1j-page-" + suffix + "-" + i);
        }
        List<String> paged = new ArrayList<>();
        String token = null;
        do {
            ListQueuesResult page = sqs.listQueues(new ListQueuesRequest("v1j-page-" + suffix).withMaxResults(2)
                    .withNextToken(token));
            paged.addAll(page.getQueueUrls());
            token = page.getNextToken();
        } while (token != null);
        check(paged.size() == 3, "three queues over two pages: " + paged);

        // Attributes, tags, permissions.
        Map<String, String> attributes = sqs.getQueueAttributes(url, List.of("All")).getAttributes();
        check("45".equals(attributes.get("VisibilityTimeout")) && attributes.get("QueueArn").endsWith(":v1j-" + suffix),
                "GetQueueAttributes All");
        sqs.setQueueAttributes(url, Map.of("MessageRetentionPeriod", "3600"));
        check(sqs.getQueueAttributes(url, List.of("MessageRetentionPeriod")).getAttributes()
                .equals(Map.of("MessageRetentionPeriod", "3600")), "SetQueueAttributes");
        fails(AmazonSQSException.class, "InvalidAttributeValue",
                () -> sqs.setQueueAttributes(url, Map.of("VisibilityTimeout", "43201")));
        sqs.tagQueue(url, Map.of("env", "test"));
        sqs.untagQueue(url, List.of("team"));
        check(sqs.listQueueTags(url).getTags().equals(Map.of("env", "test")), "tags");
        sqs.addPermission(new AddPermissionRequest(url, "p1", List.of("111122223333"), List.of("SendMessage")));
        check(sqs.getQueueAttributes(url, List.of("Policy")).getAttributes().get("Policy").contains("\"Sid\":\"p1\""),
                "AddPermission shows in Policy");
        sqs.removePermission(url, "p1");

        // Messages: the SDK checks the MD5 of bodies and attributes on send and receive itself.
        String body = "héllo \uD83D\uDE00 <xml> & \"quoted\" \r\n\t";
        SendMessageResult sent = sqs.sendMessage(new SendMessageRequest(url, body)
                .addMessageAttributesEntry("kind", new MessageAttributeValue().withDataType("String")
                        .withStringValue("order & <co>"))
                .addMessageAttributesEntry("count", new MessageAttributeValue().withDataType("Number.int").withStringValue("42"))
                .addMessageAttributesEntry("raw", new MessageAttributeValue().withDataType("Binary")
                        .withBinaryValue(ByteBuffer.wrap(new byte[] {0, 1, (byte) 255})))
                .addMessageSystemAttributesEntry("AWSTraceHeader", new MessageSystemAttributeValue().withDataType("String")
                        .withStringValue("Root=1-5759e988-bd862e3fe1be46a994272793")));
        check(sent.getMD5OfMessageAttributes() != null && sent.getMD5OfMessageSystemAttributes() != null, "send's digests");
        Message m = single(sqs.receiveMessage(new ReceiveMessageRequest(url).withAttributeNames("All")
                .withMessageAttributeNames("All").withWaitTimeSeconds(1).withVisibilityTimeout(30)).getMessages());
        check(m.getBody().equals(body), "the body comes back as sent");
        check(m.getMD5OfMessageAttributes().equals(sent.getMD5OfMessageAttributes()), "the same attribute digest");
        check(m.getMessageAttributes().get("kind").getStringValue().equals("order & <co>")
                && m.getMessageAttributes().get("count").getDataType().equals("Number.int"), "string and custom-typed attributes");
        check(m.getMessageAttributes().get("raw").getBinaryValue().get(2) == (byte) 255, "binary attribute");
        check("1".equals(m.getAttributes().get("ApproximateReceiveCount"))
                && m.getAttributes().get("AWSTraceHeader").startsWith("Root=1-"), "system attributes");
        fails(ReceiptHandleIsInvalidException.class, "ReceiptHandleIsInvalid", () -> sqs.deleteMessage(url, "not-a-handle"));
        sqs.changeMessageVisibility(url, m.getReceiptHandle(), 0);
        Message again = single(sqs.receiveMessage(new ReceiveMessageRequest(url).withWaitTimeSeconds(1)
                .withAttributeNames("ApproximateReceiveCount")).getMessages());
        check("2".equals(again.getAttributes().get("ApproximateReceiveCount")), "received twice");
        sqs.deleteMessage(url, again.getReceiptHandle());

        // Batches: whole-batch errors and a per-entry failure.
        check(sqs.sendMessageBatch(url, IntStream.range(0, 10).mapToObj(SqsJsonV1Probe::entry).toList())
                .getSuccessful().size() == 10, "a batch of ten is sent");
        fails(EmptyBatchRequestException.class, "AWS.SimpleQueueService.EmptyBatchRequest",
                () -> sqs.sendMessageBatch(url, List.of()));
        fails(BatchEntryIdsNotDistinctException.class, "AWS.SimpleQueueService.BatchEntryIdsNotDistinct",
                () -> sqs.sendMessageBatch(url, List.of(entry(1), entry(1))));
        fails(TooManyEntriesInBatchRequestException.class, "AWS.SimpleQueueService.TooManyEntriesInBatchRequest",
                () -> sqs.sendMessageBatch(url, IntStream.range(0, 11).mapToObj(SqsJsonV1Probe::entry).toList()));
        List<Message> batch = sqs.receiveMessage(new ReceiveMessageRequest(url).withMaxNumberOfMessages(9)
                .withWaitTimeSeconds(1)).getMessages();
        check(!batch.isEmpty(), "a batch is received");
        ChangeMessageVisibilityBatchResult changed = sqs.changeMessageVisibilityBatch(url, IntStream
                .range(0, batch.size() + 1).mapToObj(i -> new ChangeMessageVisibilityBatchRequestEntry("c" + i,
                        i < batch.size() ? batch.get(i).getReceiptHandle() : "not-a-handle").withVisibilityTimeout(60))
                .toList());
        check(changed.getSuccessful().size() == batch.size() && changed.getFailed().size() == 1
                && changed.getFailed().get(0).getCode().equals("ReceiptHandleIsInvalid")
                && changed.getFailed().get(0).getSenderFault(), "visibility batch with one failure: " + changed.getFailed());
        check(sqs.deleteMessageBatch(url, IntStream.range(0, batch.size())
                .mapToObj(i -> new DeleteMessageBatchRequestEntry("d" + i, batch.get(i).getReceiptHandle())).toList())
                .getSuccessful().size() == batch.size(), "a batch is deleted");
        sqs.purgeQueue(new com.amazonaws.services.sqs.model.PurgeQueueRequest(url));
        check("0".equals(sqs.getQueueAttributes(url, List.of("ApproximateNumberOfMessages")).getAttributes()
                .get("ApproximateNumberOfMessages")), "purged");

        // FIFO: de-duplication by content, sequence numbers, order within a group.
        String fifo = sqs.createQueue(new CreateQueueRequest("v1j-" + suffix + ".fifo")
                .addAttributesEntry("FifoQueue", "true").addAttributesEntry("ContentBasedDeduplication", "true")).getQueueUrl();
        SendMessageResult once = sqs.sendMessage(new SendMessageRequest(fifo, "once").withMessageGroupId("g"));
        check(once.getSequenceNumber() != null && sqs.sendMessage(new SendMessageRequest(fifo, "once").withMessageGroupId("g"))
                .getMessageId().equals(once.getMessageId()), "de-duplication by content");
        sqs.sendMessage(new SendMessageRequest(fifo, "twice").withMessageGroupId("g"));
        check(sqs.receiveMessage(new ReceiveMessageRequest(fifo).withMaxNumberOfMessages(10)).getMessages().stream()
                .map(Message::getBody).toList().equals(List.of("once", "twice")), "FIFO order within a group");
        fails(AmazonSQSException.class, "MissingParameter", () -> sqs.sendMessage(new SendMessageRequest(fifo, "no group")));

        // Dead-letter queues, then a message move task back to the source.
        String dlq = sqs.createQueue("v1j-dlq-" + suffix).getQueueUrl();
        String dlqArn = sqs.getQueueAttributes(dlq, List.of("QueueArn")).getAttributes().get("QueueArn");
        String source = sqs.createQueue(new CreateQueueRequest("v1j-src-" + suffix)
                .addAttributesEntry("RedrivePolicy", "{\"deadLetterTargetArn\":\"" + dlqArn + "\",\"maxReceiveCount\":1}")
                .addAttributesEntry("VisibilityTimeout", "0")).getQueueUrl();
        check(sqs.listDeadLetterSourceQueues(new ListDeadLetterSourceQueuesRequest().withQueueUrl(dlq)).getQueueUrls()
                .equals(List.of(source)), "ListDeadLetterSourceQueues");
        sqs.sendMessage(source, "poison");
        sqs.receiveMessage(source);
        check(sqs.receiveMessage(source).getMessages().isEmpty(), "moved on the receive over maxReceiveCount");
        Message dead = single(sqs.receiveMessage(new ReceiveMessageRequest(dlq).withVisibilityTimeout(0)
                .withAttributeNames("DeadLetterQueueSourceArn")).getMessages());
        check(dead.getBody().equals("poison") && dead.getAttributes().get("DeadLetterQueueSourceArn")
                .endsWith(":v1j-src-" + suffix), "in the dead-letter queue, naming its source");
        String task = sqs.startMessageMoveTask(new StartMessageMoveTaskRequest().withSourceArn(dlqArn)
                .withMaxNumberOfMessagesPerSecond(1)).getTaskHandle();
        List<ListMessageMoveTasksResultEntry> tasks = sqs.listMessageMoveTasks(
                new ListMessageMoveTasksRequest().withSourceArn(dlqArn)).getResults();
        check(tasks.size() == 1 && List.of("RUNNING", "COMPLETED").contains(tasks.get(0).getStatus()), "ListMessageMoveTasks");
        if (tasks.get(0).getStatus().equals("RUNNING")) {
            sqs.cancelMessageMoveTask(new CancelMessageMoveTaskRequest().withTaskHandle(task));
        }
        fails(ResourceNotFoundException.class, "ResourceNotFoundException", () -> sqs.listMessageMoveTasks(
                new ListMessageMoveTasksRequest().withSourceArn(dlqArn.replace("v1j-dlq-", "v1j-none-"))));

        for (String q : List.of(url, fifo, dlq, source)) {
            sqs.deleteQueue(q);
        }
        fails(QueueDoesNotExistException.class, "AWS.SimpleQueueService.NonExistentQueue",
                () -> sqs.getQueueAttributes(url, List.of("All")));
    }

    private static SendMessageBatchRequestEntry entry(int i) {
        return new SendMessageBatchRequestEntry("m" + i, "x".repeat(1000) + i);
    }

    private static Message single(List<Message> messages) {
        check(messages.size() == 1, "one message: " + messages);
        return messages.get(0);
    }

    private static void fails(Class<? extends AmazonServiceException> type, String code, Runnable call) {
        try {
            call.run();
        } catch (AmazonServiceException e) {
            check(type.isInstance(e) && code.equals(e.getErrorCode()) && e.getErrorType() == AmazonServiceException.ErrorType.Client,
                    "expected " + type.getSimpleName() + " " + code + ", got " + e.getClass().getSimpleName() + " "
                            + e.getErrorCode() + " " + e.getErrorType() + " (" + e.getMessage() + ")");
            return;
        }
        throw new AssertionError("expected " + code + ", but the call succeeded");
    }

    private static void check(boolean condition, String what) {
        if (!condition) {
            throw new AssertionError("check failed: " + what);
        }
    }
}
