package io.mailroom.it;

import java.net.URI;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.model.BatchEntryIdsNotDistinctException;
import software.amazon.awssdk.services.sqs.model.ChangeMessageVisibilityBatchRequestEntry;
import software.amazon.awssdk.services.sqs.model.ChangeMessageVisibilityBatchResponse;
import software.amazon.awssdk.services.sqs.model.DeleteMessageBatchRequestEntry;
import software.amazon.awssdk.services.sqs.model.EmptyBatchRequestException;
import software.amazon.awssdk.services.sqs.model.ListMessageMoveTasksResultEntry;
import software.amazon.awssdk.services.sqs.model.Message;
import software.amazon.awssdk.services.sqs.model.MessageAttributeValue;
import software.amazon.awssdk.services.sqs.model.MessageSystemAttributeName;
import software.amazon.awssdk.services.sqs.model.MessageSystemAttributeNameForSends;
import software.amazon.awssdk.services.sqs.model.MessageSystemAttributeValue;
import software.amazon.awssdk.services.sqs.model.QueueAttributeName;
import software.amazon.awssdk.services.sqs.model.QueueDoesNotExistException;
import software.amazon.awssdk.services.sqs.model.QueueNameExistsException;
import software.amazon.awssdk.services.sqs.model.ReceiptHandleIsInvalidException;
import software.amazon.awssdk.services.sqs.model.ResourceNotFoundException;
import software.amazon.awssdk.services.sqs.model.SendMessageResponse;
import software.amazon.awssdk.services.sqs.model.SqsException;
import software.amazon.awssdk.services.sqs.model.TooManyEntriesInBatchRequestException;

/**
 * Not a test by itself: the program {@link SqsJavaSdkVersionsIT} runs in a JVM of its own against the AWS SDK
 * for Java v2 2.20.162, whose SQS client speaks the Query protocol (form-encoded requests, XML answers, error codes
 * such as {@code AWS.SimpleQueueService.NonExistentQueue}) and checks the MD5 digests of bodies and attributes.
 * Compiled against the current SDK and run against the old one: it calls only what both have (hence the
 * deprecated {@code attributeNames} of ReceiveMessage). Every SQS operation that SDK has; prints "ok" when
 * every check holds (and the SDK's version), and fails with the first that does not.
 */
@SuppressWarnings("deprecation")
public final class SqsQueryV2Probe {
    private SqsQueryV2Probe() {
    }

    public static void main(String[] args) throws ReflectiveOperationException {
        try (SqsClient sqs = SqsClient.builder()
                .endpointOverride(URI.create(args[0]))
                .region(Region.US_EAST_1)
                .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("test", "test")))
                .build()) {
            run(sqs, Long.toString(System.nanoTime(), 36));
        }
        // Read from the loaded class: javac would have inlined the constant of the SDK compiled against.
        System.out.println("ok, SDK " + software.amazon.awssdk.core.util.VersionInfo.class.getField("SDK_VERSION").get(null));
    }

    private static void run(SqsClient sqs, String suffix) {
        // Queues: create with attributes and tags, idempotent create, URL, paged listing.
        String url = sqs.createQueue(r -> r.queueName("v2q-" + suffix)
                .attributes(Map.of(QueueAttributeName.VISIBILITY_TIMEOUT, "45")).tags(Map.of("team", "a"))).queueUrl();
        check(url.endsWith("/000000000000/v2q-" + suffix), "queue URL " + url);
        check(sqs.createQueue(r -> r.queueName("v2q-" + suffix)
                .attributes(Map.of(QueueAttributeName.VISIBILITY_TIMEOUT, "45"))).queueUrl().equals(url), "idempotent create");
        fails(QueueNameExistsException.class, "QueueAlreadyExists", () -> sqs.createQueue(r -> r.queueName("v2q-" + suffix)
                .attributes(Map.of(QueueAttributeName.VISIBILITY_TIMEOUT, "46"))));
        check(sqs.getQueueUrl(r -> r.queueName("v2q-" + suffix)).queueUrl().equals(url), "GetQueueUrl");
        fails(QueueDoesNotExistException.class, "AWS.SimpleQueueService.NonExistentQueue",
                () -> sqs.getQueueUrl(r -> r.queueName("v2q-missing-" + suffix)));
        for (int i = 0; i < 3; i++) {
            int n = i;
            sqs.createQueue(r -> r.queueName("v2q-page-" + suffix + "-" + n));
        }
        List<String> paged = sqs.listQueuesPaginator(r -> r.queueNamePrefix("v2q-page-" + suffix).maxResults(2))
                .queueUrls().stream().collect(Collectors.toList());
        check(paged.size() == 3, "three queues over two pages: " + paged);

        // Attributes, tags, permissions.
        Map<QueueAttributeName, String> attributes = sqs.getQueueAttributes(r -> r.queueUrl(url)
                .attributeNames(QueueAttributeName.ALL)).attributes();
        check("45".equals(attributes.get(QueueAttributeName.VISIBILITY_TIMEOUT))
                && attributes.get(QueueAttributeName.QUEUE_ARN).endsWith(":v2q-" + suffix), "GetQueueAttributes All");
        sqs.setQueueAttributes(r -> r.queueUrl(url).attributes(Map.of(QueueAttributeName.MESSAGE_RETENTION_PERIOD, "3600")));
        check(sqs.getQueueAttributes(r -> r.queueUrl(url).attributeNames(QueueAttributeName.MESSAGE_RETENTION_PERIOD))
                .attributes().equals(Map.of(QueueAttributeName.MESSAGE_RETENTION_PERIOD, "3600")), "SetQueueAttributes");
        fails(SqsException.class, "InvalidAttributeValue", () -> sqs.setQueueAttributes(r -> r.queueUrl(url)
                .attributes(Map.of(QueueAttributeName.VISIBILITY_TIMEOUT, "43201"))));
        sqs.tagQueue(r -> r.queueUrl(url).tags(Map.of("env", "test")));
        sqs.untagQueue(r -> r.queueUrl(url).tagKeys("team"));
        check(sqs.listQueueTags(r -> r.queueUrl(url)).tags().equals(Map.of("env", "test")), "tags");
        sqs.addPermission(r -> r.queueUrl(url).label("p1").awsAccountIds("111122223333").actions("SendMessage"));
        check(sqs.getQueueAttributes(r -> r.queueUrl(url).attributeNames(QueueAttributeName.POLICY)).attributes()
                .get(QueueAttributeName.POLICY).contains("\"Sid\":\"p1\""), "AddPermission shows in Policy");
        sqs.removePermission(r -> r.queueUrl(url).label("p1"));

        // Messages: the SDK checks the MD5 of bodies and attributes on send and receive itself.
        String body = "héllo \uD83D\uDE00 <xml> & \"quoted\" \r\n\t";
        SendMessageResponse sent = sqs.sendMessage(r -> r.queueUrl(url).messageBody(body).messageAttributes(Map.of(
                        "kind", MessageAttributeValue.builder().dataType("String").stringValue("order & <co>").build(),
                        "count", MessageAttributeValue.builder().dataType("Number.int").stringValue("42").build(),
                        "raw", MessageAttributeValue.builder().dataType("Binary")
                                .binaryValue(SdkBytes.fromByteArray(new byte[] {0, 1, (byte) 255})).build()))
                .messageSystemAttributes(Map.of(MessageSystemAttributeNameForSends.AWS_TRACE_HEADER,
                        MessageSystemAttributeValue.builder().dataType("String")
                                .stringValue("Root=1-5759e988-bd862e3fe1be46a994272793").build())));
        check(sent.md5OfMessageAttributes() != null && sent.md5OfMessageSystemAttributes() != null, "send's digests");
        Message m = single(sqs.receiveMessage(r -> r.queueUrl(url).attributeNames(QueueAttributeName.ALL)
                .messageAttributeNames("All").waitTimeSeconds(1).visibilityTimeout(30)).messages());
        check(m.body().equals(body), "the body comes back as sent");
        check(m.md5OfMessageAttributes().equals(sent.md5OfMessageAttributes()), "the same attribute digest");
        check(m.messageAttributes().get("kind").stringValue().equals("order & <co>")
                && m.messageAttributes().get("count").dataType().equals("Number.int"), "string and custom-typed attributes");
        check(m.messageAttributes().get("raw").binaryValue().asByteArray()[2] == (byte) 255, "binary attribute");
        check("1".equals(m.attributes().get(MessageSystemAttributeName.APPROXIMATE_RECEIVE_COUNT))
                && m.attributes().get(MessageSystemAttributeName.AWS_TRACE_HEADER).startsWith("Root=1-"), "system attributes");
        fails(ReceiptHandleIsInvalidException.class, "ReceiptHandleIsInvalid",
                () -> sqs.deleteMessage(r -> r.queueUrl(url).receiptHandle("not-a-handle")));
        sqs.changeMessageVisibility(r -> r.queueUrl(url).receiptHandle(m.receiptHandle()).visibilityTimeout(0));
        Message again = single(sqs.receiveMessage(r -> r.queueUrl(url).waitTimeSeconds(1)
                .attributeNamesWithStrings("ApproximateReceiveCount")).messages());
        check("2".equals(again.attributes().get(MessageSystemAttributeName.APPROXIMATE_RECEIVE_COUNT)), "received twice");
        sqs.deleteMessage(r -> r.queueUrl(url).receiptHandle(again.receiptHandle()));

        // Batches: whole-batch errors and a per-entry failure.
        check(sqs.sendMessageBatch(r -> r.queueUrl(url).entries(IntStream.range(0, 10).mapToObj(i -> b(i)).toList()))
                .successful().size() == 10, "a batch of ten is sent");
        fails(EmptyBatchRequestException.class, "AWS.SimpleQueueService.EmptyBatchRequest",
                () -> sqs.sendMessageBatch(r -> r.queueUrl(url).entries(List.of())));
        fails(BatchEntryIdsNotDistinctException.class, "AWS.SimpleQueueService.BatchEntryIdsNotDistinct",
                () -> sqs.sendMessageBatch(r -> r.queueUrl(url).entries(b(1), b(1))));
        fails(TooManyEntriesInBatchRequestException.class, "AWS.SimpleQueueService.TooManyEntriesInBatchRequest",
                () -> sqs.sendMessageBatch(r -> r.queueUrl(url).entries(IntStream.range(0, 11).mapToObj(i -> b(i)).toList())));
        List<Message> batch = sqs.receiveMessage(r -> r.queueUrl(url).maxNumberOfMessages(9).waitTimeSeconds(1)).messages();
        check(!batch.isEmpty(), "a batch is received");
        ChangeMessageVisibilityBatchResponse changed = sqs.changeMessageVisibilityBatch(r -> r.queueUrl(url).entries(
                IntStream.range(0, batch.size() + 1).mapToObj(i -> ChangeMessageVisibilityBatchRequestEntry.builder()
                        .id("c" + i).visibilityTimeout(60)
                        .receiptHandle(i < batch.size() ? batch.get(i).receiptHandle() : "not-a-handle").build()).toList()));
        check(changed.successful().size() == batch.size() && changed.failed().size() == 1
                && changed.failed().get(0).code().equals("ReceiptHandleIsInvalid") && changed.failed().get(0).senderFault(),
                "visibility batch with one failure: " + changed.failed());
        check(sqs.deleteMessageBatch(r -> r.queueUrl(url).entries(IntStream.range(0, batch.size())
                .mapToObj(i -> DeleteMessageBatchRequestEntry.builder().id("d" + i)
                        .receiptHandle(batch.get(i).receiptHandle()).build()).toList()))
                .successful().size() == batch.size(), "a batch is deleted");
        sqs.purgeQueue(r -> r.queueUrl(url));
        check("0".equals(sqs.getQueueAttributes(r -> r.queueUrl(url)
                .attributeNames(QueueAttributeName.APPROXIMATE_NUMBER_OF_MESSAGES)).attributes()
                .get(QueueAttributeName.APPROXIMATE_NUMBER_OF_MESSAGES)), "purged");

        // FIFO: de-duplication by content, sequence numbers, order within a group.
        String fifo = sqs.createQueue(r -> r.queueName("v2q-" + suffix + ".fifo").attributes(Map.of(
                QueueAttributeName.FIFO_QUEUE, "true", QueueAttributeName.CONTENT_BASED_DEDUPLICATION, "true"))).queueUrl();
        SendMessageResponse once = sqs.sendMessage(r -> r.queueUrl(fifo).messageBody("once").messageGroupId("g"));
        check(once.sequenceNumber() != null && sqs.sendMessage(r -> r.queueUrl(fifo).messageBody("once").messageGroupId("g"))
                .messageId().equals(once.messageId()), "de-duplication by content");
        sqs.sendMessage(r -> r.queueUrl(fifo).messageBody("twice").messageGroupId("g"));
        check(sqs.receiveMessage(r -> r.queueUrl(fifo).maxNumberOfMessages(10)).messages().stream().map(Message::body)
                .toList().equals(List.of("once", "twice")), "FIFO order within a group");
        fails(SqsException.class, "MissingParameter", () -> sqs.sendMessage(r -> r.queueUrl(fifo).messageBody("no group")));

        // Dead-letter queues, then a message move task back to the source.
        String dlq = sqs.createQueue(r -> r.queueName("v2q-dlq-" + suffix)).queueUrl();
        String dlqArn = sqs.getQueueAttributes(r -> r.queueUrl(dlq).attributeNames(QueueAttributeName.QUEUE_ARN))
                .attributes().get(QueueAttributeName.QUEUE_ARN);
        String source = sqs.createQueue(r -> r.queueName("v2q-src-" + suffix).attributes(Map.of(
                QueueAttributeName.REDRIVE_POLICY, "{\"deadLetterTargetArn\":\"" + dlqArn + "\",\"maxReceiveCount\":1}",
                QueueAttributeName.VISIBILITY_TIMEOUT, "0"))).queueUrl();
        check(sqs.listDeadLetterSourceQueues(r -> r.queueUrl(dlq)).queueUrls().equals(List.of(source)),
                "ListDeadLetterSourceQueues");
        sqs.sendMessage(r -> r.queueUrl(source).messageBody("poison"));
        sqs.receiveMessage(r -> r.queueUrl(source));
        check(sqs.receiveMessage(r -> r.queueUrl(source)).messages().isEmpty(), "moved on the receive over maxReceiveCount");
        Message dead = single(sqs.receiveMessage(r -> r.queueUrl(dlq).visibilityTimeout(0)
                .attributeNamesWithStrings("DeadLetterQueueSourceArn")).messages());
        check(dead.body().equals("poison") && dead.attributes().get(MessageSystemAttributeName.DEAD_LETTER_QUEUE_SOURCE_ARN)
                .endsWith(":v2q-src-" + suffix), "in the dead-letter queue, naming its source");
        String task = sqs.startMessageMoveTask(r -> r.sourceArn(dlqArn).maxNumberOfMessagesPerSecond(1)).taskHandle();
        List<ListMessageMoveTasksResultEntry> tasks = sqs.listMessageMoveTasks(r -> r.sourceArn(dlqArn)).results();
        check(tasks.size() == 1 && List.of("RUNNING", "COMPLETED").contains(tasks.get(0).status()), "ListMessageMoveTasks");
        if (tasks.get(0).status().equals("RUNNING")) {
            sqs.cancelMessageMoveTask(r -> r.taskHandle(task));
        }
        fails(ResourceNotFoundException.class, "ResourceNotFoundException",
                () -> sqs.listMessageMoveTasks(r -> r.sourceArn(dlqArn.replace("v2q-dlq-", "v2q-none-"))));

        for (String q : List.of(url, fifo, dlq, source)) {
            sqs.deleteQueue(r -> r.queueUrl(q));
        }
        fails(QueueDoesNotExistException.class, "AWS.SimpleQueueService.NonExistentQueue",
                () -> sqs.getQueueAttributes(r -> r.queueUrl(url).attributeNames(QueueAttributeName.ALL)));
    }

    private static software.amazon.awssdk.services.sqs.model.SendMessageBatchRequestEntry b(int i) {
        return software.amazon.awssdk.services.sqs.model.SendMessageBatchRequestEntry.builder()
                .id("m" + i).messageBody("x".repeat(1000) + i).build();
    }

    private static Message single(List<Message> messages) {
        check(messages.size() == 1, "one message: " + messages);
        return messages.get(0);
    }

    private static void fails(Class<? extends SqsException> type, String code, Supplier<?> call) {
        try {
            call.get();
        } catch (SqsException e) {
            check(type.isInstance(e) && code.equals(e.awsErrorDetails().errorCode()),
                    "expected " + type.getSimpleName() + " " + code + ", got " + e.getClass().getSimpleName() + " "
                            + e.awsErrorDetails().errorCode() + " (" + e.getMessage() + ")");
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
