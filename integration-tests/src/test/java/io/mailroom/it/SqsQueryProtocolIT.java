package io.mailroom.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.amazonaws.AmazonServiceException;
import com.amazonaws.auth.AWSStaticCredentialsProvider;
import com.amazonaws.auth.BasicAWSCredentials;
import com.amazonaws.client.builder.AwsClientBuilder.EndpointConfiguration;
import com.amazonaws.services.sqs.AmazonSQS;
import com.amazonaws.services.sqs.AmazonSQSClientBuilder;
import com.amazonaws.services.sqs.model.AddPermissionRequest;
import com.amazonaws.services.sqs.model.AmazonSQSException;
import com.amazonaws.services.sqs.model.BatchEntryIdsNotDistinctException;
import com.amazonaws.services.sqs.model.BatchResultErrorEntry;
import com.amazonaws.services.sqs.model.CancelMessageMoveTaskRequest;
import com.amazonaws.services.sqs.model.ChangeMessageVisibilityBatchRequestEntry;
import com.amazonaws.services.sqs.model.ChangeMessageVisibilityBatchResult;
import com.amazonaws.services.sqs.model.CreateQueueRequest;
import com.amazonaws.services.sqs.model.DeleteMessageBatchRequestEntry;
import com.amazonaws.services.sqs.model.DeleteMessageBatchResult;
import com.amazonaws.services.sqs.model.EmptyBatchRequestException;
import com.amazonaws.services.sqs.model.GetQueueAttributesRequest;
import com.amazonaws.services.sqs.model.GetQueueUrlRequest;
import com.amazonaws.services.sqs.model.InvalidAttributeNameException;
import com.amazonaws.services.sqs.model.ListDeadLetterSourceQueuesRequest;
import com.amazonaws.services.sqs.model.ListMessageMoveTasksRequest;
import com.amazonaws.services.sqs.model.ListMessageMoveTasksResultEntry;
import com.amazonaws.services.sqs.model.ListQueuesRequest;
import com.amazonaws.services.sqs.model.ListQueuesResult;
import com.amazonaws.services.sqs.model.Message;
import com.amazonaws.services.sqs.model.MessageAttributeValue;
import com.amazonaws.services.sqs.model.MessageSystemAttributeValue;
import com.amazonaws.services.sqs.model.PurgeQueueInProgressException;
import com.amazonaws.services.sqs.model.PurgeQueueRequest;
import com.amazonaws.services.sqs.model.QueueDoesNotExistException;
import com.amazonaws.services.sqs.model.QueueNameExistsException;
import com.amazonaws.services.sqs.model.ReceiptHandleIsInvalidException;
import com.amazonaws.services.sqs.model.ReceiveMessageRequest;
import com.amazonaws.services.sqs.model.ResourceNotFoundException;
import com.amazonaws.services.sqs.model.SendMessageBatchRequestEntry;
import com.amazonaws.services.sqs.model.SendMessageBatchResult;
import com.amazonaws.services.sqs.model.SendMessageBatchResultEntry;
import com.amazonaws.services.sqs.model.SendMessageRequest;
import com.amazonaws.services.sqs.model.SendMessageResult;
import com.amazonaws.services.sqs.model.StartMessageMoveTaskRequest;
import com.amazonaws.services.sqs.model.TooManyEntriesInBatchRequestException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

/**
 * The AWS Query protocol, through the SDK for Java v1 (1.12.560), whose SQS client still speaks it: all 23
 * operations, their XML answers and errors, and the MD5 digests that client verifies.
 */
class SqsQueryProtocolIT {
    private static final String P = "SqsQueryProtocolIT";
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final AmazonSQS SQS = AmazonSQSClientBuilder.standard()
            .withEndpointConfiguration(new EndpointConfiguration(TestServer.endpoint().toString(), "us-east-1"))
            .withCredentials(new AWSStaticCredentialsProvider(new BasicAWSCredentials("test", "test")))
            .build();

    @AfterAll
    static void close() {
        SQS.shutdown();
    }

    private static String create(String name) {
        return SQS.createQueue(name).getQueueUrl();
    }

    private static String arn(String url) {
        return SQS.getQueueAttributes(url, List.of("QueueArn")).getAttributes().get("QueueArn");
    }

    private static <E extends AmazonServiceException> E assertError(Class<E> type, String code, int status,
                                                                     ThrowingCallable call) {
        E e = catchThrowableOfType(type, call);
        assertThat(e).as("expected %s (%s)", type.getSimpleName(), code).isNotNull();
        assertThat(e).isExactlyInstanceOf(type);
        assertThat(e.getErrorCode()).isEqualTo(code);
        assertThat(e.getStatusCode()).isEqualTo(status);
        assertThat(e.getErrorType()).isEqualTo(AmazonServiceException.ErrorType.Client);
        assertThat(e.getRequestId()).isNotBlank();
        assertThat(e.getErrorMessage()).isNotBlank();
        return e;
    }

    private static AmazonSQSException assertGeneric(String code, ThrowingCallable call) {
        return assertError(AmazonSQSException.class, code, 400, call);
    }

    private static MessageAttributeValue string(String type, String value) {
        return new MessageAttributeValue().withDataType(type).withStringValue(value);
    }

    private static MessageAttributeValue binary(String type, byte[] value) {
        return new MessageAttributeValue().withDataType(type).withBinaryValue(ByteBuffer.wrap(value));
    }

    private static List<Message> receiveAll(String url) {
        return SQS.receiveMessage(new ReceiveMessageRequest(url).withMaxNumberOfMessages(10)
                .withMessageAttributeNames("All").withAttributeNames("All")).getMessages();
    }

    // ---------------------------------------------------------------- queues

    @Test
    void queueLifecycle() {
        String name = Sqs.name(P);
        String url = SQS.createQueue(new CreateQueueRequest(name)
                .addAttributesEntry("VisibilityTimeout", "60")
                .addAttributesEntry("DelaySeconds", "2")
                .addTagsEntry("team", "mailroom")).getQueueUrl();
        assertThat(url).isEqualTo(TestServer.endpoint() + "/000000000000/" + name);
        assertThat(SQS.createQueue(new CreateQueueRequest(name).addAttributesEntry("VisibilityTimeout", "60"))
                .getQueueUrl()).as("idempotent").isEqualTo(url);
        assertThat(SQS.getQueueUrl(name).getQueueUrl()).isEqualTo(url);
        assertThat(SQS.getQueueUrl(new GetQueueUrlRequest(name).withQueueOwnerAWSAccountId("000000000000")).getQueueUrl())
                .isEqualTo(url);

        Map<String, String> attributes = SQS.getQueueAttributes(url, List.of("All")).getAttributes();
        assertThat(attributes).containsEntry("VisibilityTimeout", "60").containsEntry("DelaySeconds", "2")
                .containsEntry("QueueArn", Sqs.arn(name)).containsEntry("MaximumMessageSize", "1048576")
                .containsEntry("SqsManagedSseEnabled", "true").containsKeys("CreatedTimestamp", "LastModifiedTimestamp");
        SQS.setQueueAttributes(url, Map.of("VisibilityTimeout", "90", "MessageRetentionPeriod", "600"));
        assertThat(SQS.getQueueAttributes(url, List.of("VisibilityTimeout", "MessageRetentionPeriod")).getAttributes())
                .containsOnly(Map.entry("VisibilityTimeout", "90"), Map.entry("MessageRetentionPeriod", "600"));

        assertThat(SQS.listQueues(name).getQueueUrls()).containsExactly(url);
        SQS.deleteQueue(url);
        assertThat(SQS.listQueues(name).getQueueUrls()).isEmpty();
        assertError(QueueDoesNotExistException.class, "AWS.SimpleQueueService.NonExistentQueue", 400, () -> SQS.getQueueUrl(name));
    }

    @Test
    void listQueuesPages() {
        String prefix = Sqs.name(P + "-page");
        List<String> created = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            created.add(create(prefix + "-" + i));
        }
        List<String> seen = new ArrayList<>();
        String token = null;
        int pages = 0;
        do {
            ListQueuesResult page = SQS.listQueues(new ListQueuesRequest(prefix).withMaxResults(2).withNextToken(token));
            assertThat(page.getQueueUrls()).hasSizeLessThanOrEqualTo(2);
            seen.addAll(page.getQueueUrls());
            token = page.getNextToken();
            pages++;
        } while (token != null);
        assertThat(pages).isEqualTo(3);
        assertThat(seen).containsExactlyInAnyOrderElementsOf(created);
        assertGeneric("InvalidParameterValue", () -> SQS.listQueues(new ListQueuesRequest(prefix).withMaxResults(0)));
    }

    @Test
    void queueErrors() {
        String name = Sqs.name(P);
        String url = SQS.createQueue(new CreateQueueRequest(name).addAttributesEntry("VisibilityTimeout", "60")).getQueueUrl();
        assertError(QueueNameExistsException.class, "QueueAlreadyExists", 400,
                () -> SQS.createQueue(new CreateQueueRequest(name).addAttributesEntry("VisibilityTimeout", "61")));
        assertGeneric("InvalidParameterValue", () -> create("bad name!"));
        assertGeneric("InvalidParameterValue", () -> create(Sqs.name(P) + ".fifo"));
        assertError(InvalidAttributeNameException.class, "InvalidAttributeName", 400,
                () -> SQS.getQueueAttributes(url, List.of("Colour")));
        assertGeneric("InvalidAttributeValue", () -> SQS.setQueueAttributes(url, Map.of("DelaySeconds", "901")));
        String missing = Sqs.missingQueueUrl();
        for (ThrowingCallable call : List.<ThrowingCallable>of(
                () -> SQS.sendMessage(missing, "x"),
                () -> SQS.receiveMessage(missing),
                () -> SQS.deleteQueue(missing),
                () -> SQS.purgeQueue(new PurgeQueueRequest(missing)),
                () -> SQS.getQueueAttributes(missing, List.of("All")),
                () -> SQS.listQueueTags(missing))) {
            assertError(QueueDoesNotExistException.class, "AWS.SimpleQueueService.NonExistentQueue", 400, call);
        }
    }

    @Test
    void purgeQueue() {
        String url = create(Sqs.name(P));
        SQS.sendMessage(url, "one");
        SQS.sendMessage(url, "two");
        SQS.purgeQueue(new PurgeQueueRequest(url));
        assertThat(receiveAll(url)).isEmpty();
        assertError(PurgeQueueInProgressException.class, "AWS.SimpleQueueService.PurgeQueueInProgress", 403,
                () -> SQS.purgeQueue(new PurgeQueueRequest(url)));
    }

    // ---------------------------------------------------------------- messages

    @Test
    void bodiesOfEveryKindComeBackAsTheyWereSent() {
        String url = create(Sqs.name(P));
        List<String> bodies = SqsSendReceiveIT.BODIES_OF_EVERY_KIND;
        SQS.sendMessageBatch(url, IntStream.range(0, bodies.size())
                .mapToObj(i -> new SendMessageBatchRequestEntry("m" + i, bodies.get(i))).toList());
        List<Message> got = new ArrayList<>();
        for (int attempt = 0; attempt < 10 && got.size() < bodies.size(); attempt++) {
            got.addAll(receiveAll(url));
        }
        assertThat(got).extracting(Message::getBody).containsExactlyInAnyOrderElementsOf(bodies);
    }

    @Test
    void messageAttributesOfEveryTypeWithVerifiedDigests() {
        String url = create(Sqs.name(P));
        Map<String, MessageAttributeValue> attributes = new LinkedHashMap<>();
        attributes.put("text", string("String", "query \u00e9 \ud83d\ude00 <&>"));
        attributes.put("count", string("Number", "-0.000123"));
        attributes.put("blob", binary("Binary", new byte[] {0, (byte) 0xff, 10, 13}));
        attributes.put("custom", string("String.custom", "labelled"));
        attributes.put("int", string("Number.int", "12"));
        attributes.put("png", binary("Binary.png", new byte[] {(byte) 0x89, 'P', 'N', 'G'}));
        String body = "query body with <xml> & \"quotes\" \u2713\r\n";
        SendMessageResult sent = SQS.sendMessage(new SendMessageRequest(url, body).withMessageAttributes(attributes)
                .withMessageSystemAttributes(Map.of("AWSTraceHeader",
                        new MessageSystemAttributeValue().withDataType("String").withStringValue("Root=1-query"))));
        assertThat(sent.getMD5OfMessageBody()).isEqualTo(Md5.ofBody(body));
        Map<String, Md5.Attr> digestView = new LinkedHashMap<>();
        attributes.forEach((k, v) -> digestView.put(k, v.getBinaryValue() != null
                ? Md5.Attr.binary(v.getDataType(), v.getBinaryValue().array()) : Md5.Attr.string(v.getDataType(), v.getStringValue())));
        assertThat(sent.getMD5OfMessageAttributes()).isEqualTo(Md5.ofAttributes(digestView));
        assertThat(sent.getMD5OfMessageSystemAttributes())
                .isEqualTo(Md5.ofAttributes(Map.of("AWSTraceHeader", Md5.Attr.string("String", "Root=1-query"))));

        Message got = receiveAll(url).get(0);
        assertThat(got.getMessageId()).isEqualTo(sent.getMessageId());
        assertThat(got.getBody()).isEqualTo(body);
        assertThat(got.getMessageAttributes()).isEqualTo(attributes);
        assertThat(got.getAttributes()).containsEntry("AWSTraceHeader", "Root=1-query")
                .containsEntry("ApproximateReceiveCount", "1").containsKeys("SentTimestamp", "SenderId",
                        "ApproximateFirstReceiveTimestamp");
        assertThat(got.getMD5OfMessageAttributes()).isEqualTo(sent.getMD5OfMessageAttributes());
    }

    @Test
    void receiveVisibilityAndDelete() {
        String url = create(Sqs.name(P));
        SQS.sendMessage(new SendMessageRequest(url, "delayed").withDelaySeconds(300));
        SQS.sendMessage(url, "now");
        Message m = SQS.receiveMessage(new ReceiveMessageRequest(url).withVisibilityTimeout(0)
                .withAttributeNames("ApproximateReceiveCount")).getMessages().get(0);
        assertThat(m.getBody()).isEqualTo("now");
        Message again = SQS.receiveMessage(new ReceiveMessageRequest(url).withMessageAttributeNames("All")
                .withAttributeNames("ApproximateReceiveCount")).getMessages().get(0);
        assertThat(again.getAttributes()).containsEntry("ApproximateReceiveCount", "2");

        SQS.changeMessageVisibility(url, again.getReceiptHandle(), 0);
        Message third = receiveAll(url).get(0);
        SQS.changeMessageVisibility(url, third.getReceiptHandle(), 600);
        assertThat(receiveAll(url)).isEmpty();
        SQS.deleteMessage(url, third.getReceiptHandle());
        assertThat(SQS.getQueueAttributes(url, List.of("ApproximateNumberOfMessages", "ApproximateNumberOfMessagesNotVisible",
                "ApproximateNumberOfMessagesDelayed")).getAttributes())
                .containsEntry("ApproximateNumberOfMessages", "0")
                .containsEntry("ApproximateNumberOfMessagesNotVisible", "0")
                .containsEntry("ApproximateNumberOfMessagesDelayed", "1");

        assertError(ReceiptHandleIsInvalidException.class, "ReceiptHandleIsInvalid", 404,
                () -> SQS.deleteMessage(url, "garbage"));
        assertError(ReceiptHandleIsInvalidException.class, "ReceiptHandleIsInvalid", 404,
                () -> SQS.changeMessageVisibility(url, "garbage", 10));
        assertGeneric("InvalidParameterValue", () -> SQS.receiveMessage(new ReceiveMessageRequest(url).withMaxNumberOfMessages(11)));
        assertGeneric("MissingParameter", () -> SQS.sendMessage(url, ""));
    }

    @Test
    void changingTheVisibilityOfAMessageNoLongerInFlightChangesNothing() {
        FrozenClock.clock().freeze();
        try {
            String url = create(Sqs.name(P));
            SQS.sendMessage(url, "x");
            Message m = SQS.receiveMessage(new ReceiveMessageRequest(url).withVisibilityTimeout(5)).getMessages().get(0);
            FrozenClock.advance(Duration.ofSeconds(5));
            SQS.changeMessageVisibility(url, m.getReceiptHandle(), 10);
            assertThat(SQS.receiveMessage(url).getMessages()).extracting(Message::getBody).containsExactly("x");
        } finally {
            FrozenClock.clock().resetToSystem();
        }
    }

    // ---------------------------------------------------------------- batches

    @Test
    void batchOperations() {
        String url = create(Sqs.name(P));
        List<SendMessageBatchRequestEntry> entries = IntStream.range(0, 4).mapToObj(i ->
                new SendMessageBatchRequestEntry("e" + i, "batch " + i)
                        .withMessageAttributes(Map.of("n", string("Number", Integer.toString(i)),
                                "b", binary("Binary", new byte[] {(byte) i, 1})))).collect(Collectors.toList());
        entries.add(new SendMessageBatchRequestEntry("bad", "nul \u0000"));
        SendMessageBatchResult sent = SQS.sendMessageBatch(url, entries);
        assertThat(sent.getSuccessful()).extracting(SendMessageBatchResultEntry::getId).containsExactlyInAnyOrder("e0", "e1", "e2", "e3");
        assertThat(sent.getFailed()).singleElement().satisfies(f -> {
            assertThat(f.getId()).isEqualTo("bad");
            assertThat(f.getCode()).isEqualTo("InvalidMessageContents");
            assertThat(f.getSenderFault()).isTrue();
        });

        List<Message> got = receiveAll(url);
        assertThat(got).hasSize(4);
        ChangeMessageVisibilityBatchResult changed = SQS.changeMessageVisibilityBatch(url, List.of(
                new ChangeMessageVisibilityBatchRequestEntry("c0", got.get(0).getReceiptHandle()).withVisibilityTimeout(0),
                new ChangeMessageVisibilityBatchRequestEntry("c1", "garbage").withVisibilityTimeout(0)));
        assertThat(changed.getSuccessful()).extracting(e -> e.getId()).containsExactly("c0");
        assertThat(changed.getFailed()).extracting(BatchResultErrorEntry::getCode).containsExactly("ReceiptHandleIsInvalid");

        List<DeleteMessageBatchRequestEntry> deletes = new ArrayList<>();
        for (int i = 1; i < got.size(); i++) {
            deletes.add(new DeleteMessageBatchRequestEntry("d" + i, got.get(i).getReceiptHandle()));
        }
        deletes.add(new DeleteMessageBatchRequestEntry("dx", "garbage"));
        DeleteMessageBatchResult deleted = SQS.deleteMessageBatch(url, deletes);
        assertThat(deleted.getSuccessful()).hasSize(3);
        assertThat(deleted.getFailed()).extracting(BatchResultErrorEntry::getId).containsExactly("dx");
        assertThat(receiveAll(url)).extracting(Message::getMessageId).containsExactly(got.get(0).getMessageId());

        assertError(TooManyEntriesInBatchRequestException.class, "AWS.SimpleQueueService.TooManyEntriesInBatchRequest", 400,
                () -> SQS.sendMessageBatch(url, IntStream.range(0, 11)
                        .mapToObj(i -> new SendMessageBatchRequestEntry("e" + i, "x")).collect(Collectors.toList())));
        assertError(BatchEntryIdsNotDistinctException.class, "AWS.SimpleQueueService.BatchEntryIdsNotDistinct", 400,
                () -> SQS.deleteMessageBatch(url, List.of(new DeleteMessageBatchRequestEntry("a", "h"),
                        new DeleteMessageBatchRequestEntry("a", "h"))));
    }

    /** The v1 client sends no entry parameter at all for an empty list; AWS calls that an empty batch. */
    @Test
    void anEmptyBatchIsEmptyBatchRequest() {
        String url = create(Sqs.name(P));
        assertError(EmptyBatchRequestException.class, "AWS.SimpleQueueService.EmptyBatchRequest", 400,
                () -> SQS.sendMessageBatch(url, List.of()));
        assertError(EmptyBatchRequestException.class, "AWS.SimpleQueueService.EmptyBatchRequest", 400,
                () -> SQS.deleteMessageBatch(url, List.of()));
        assertError(EmptyBatchRequestException.class, "AWS.SimpleQueueService.EmptyBatchRequest", 400,
                () -> SQS.changeMessageVisibilityBatch(url, List.of()));
    }

    // ---------------------------------------------------------------- FIFO

    @Test
    void fifoOverQuery() {
        String name = Sqs.name(P) + ".fifo";
        String url = SQS.createQueue(new CreateQueueRequest(name).addAttributesEntry("FifoQueue", "true")
                .addAttributesEntry("ContentBasedDeduplication", "true")).getQueueUrl();
        SendMessageResult first = SQS.sendMessage(new SendMessageRequest(url, "first").withMessageGroupId("g"));
        SendMessageResult duplicate = SQS.sendMessage(new SendMessageRequest(url, "first").withMessageGroupId("g"));
        SendMessageResult second = SQS.sendMessage(new SendMessageRequest(url, "second").withMessageGroupId("g")
                .withMessageDeduplicationId("explicit"));
        assertThat(duplicate.getMessageId()).isEqualTo(first.getMessageId());
        assertThat(new java.math.BigInteger(second.getSequenceNumber())).isGreaterThan(new java.math.BigInteger(first.getSequenceNumber()));

        List<Message> got = SQS.receiveMessage(new ReceiveMessageRequest(url).withMaxNumberOfMessages(10)
                .withAttributeNames("All").withReceiveRequestAttemptId("attempt")).getMessages();
        assertThat(got).extracting(Message::getBody).containsExactly("first", "second");
        assertThat(got.get(1).getAttributes()).containsEntry("MessageGroupId", "g")
                .containsEntry("MessageDeduplicationId", "explicit")
                .containsEntry("SequenceNumber", second.getSequenceNumber());
        assertGeneric("MissingParameter", () -> SQS.sendMessage(new SendMessageRequest(url, "no group")));
    }

    // ---------------------------------------------------------------- tags and permissions

    @Test
    void textXmlCannotCarryComesBackAsReplacementCharacters() {
        // A JSON client can store characters XML 1.0 has no way to write (NUL, other controls, U+FFFE,
        // an unpaired surrogate); a Query client asking for them still gets its answer.
        String url = create(Sqs.name(P));
        Sqs.CLIENT.tagQueue(b -> b.queueUrl(url).tags(Map.of("odd", "a\u0000b\u0001c\uFFFEd\uD800e\uD83D\uDE00")));
        assertThat(SQS.listQueueTags(url).getTags()).containsEntry("odd", "a\uFFFDb\uFFFDc\uFFFDd\uFFFDe\uD83D\uDE00");
        // And an error that quotes such input back is still an error, not a dropped connection.
        AmazonSQSException e = assertError(InvalidAttributeNameException.class, "InvalidAttributeName", 400,
                () -> SQS.getQueueAttributes(url, List.of("Colour\u0001")));
        assertThat(e.getErrorMessage()).contains("Colour\uFFFD");
    }


    @Test
    void tagsAndPermissions() throws Exception {
        String url = create(Sqs.name(P));
        SQS.tagQueue(url, Map.of("a", "1", "b", "2"));
        SQS.untagQueue(url, List.of("a"));
        assertThat(SQS.listQueueTags(url).getTags()).isEqualTo(Map.of("b", "2"));

        SQS.addPermission(new AddPermissionRequest(url, "partner", List.of("111122223333"), List.of("SendMessage", "ReceiveMessage")));
        JsonNode policy = JSON.readTree(SQS.getQueueAttributes(url, List.of("Policy")).getAttributes().get("Policy"));
        JsonNode statement = policy.path("Statement").get(0);
        assertThat(statement.path("Sid").asText()).isEqualTo("partner");
        assertThat(statement.path("Principal").path("AWS").asText()).isEqualTo("arn:aws:iam::111122223333:root");
        assertThat(statement.path("Action")).extracting(JsonNode::asText).containsExactly("SQS:SendMessage", "SQS:ReceiveMessage");
        SQS.removePermission(url, "partner");
        assertGeneric("InvalidParameterValue", () -> SQS.removePermission(url, "partner"));
    }

    // ---------------------------------------------------------------- dead-letter queues and move tasks

    @Test
    void deadLetterQueuesAndMoveTasks() {
        FrozenClock.clock().freeze();
        try {
            String dlq = create(Sqs.name(P + "-dlq"));
            String dlqArn = arn(dlq);
            String source = SQS.createQueue(new CreateQueueRequest(Sqs.name(P)).addAttributesEntry("RedrivePolicy",
                    "{\"deadLetterTargetArn\":\"" + dlqArn + "\",\"maxReceiveCount\":\"1\"}")).getQueueUrl();
            assertThat(SQS.listDeadLetterSourceQueues(new ListDeadLetterSourceQueuesRequest().withQueueUrl(dlq)).getQueueUrls())
                    .containsExactly(source);
            SQS.sendMessage(source, "m1");
            SQS.sendMessage(source, "m2");
            assertThat(receiveAll(source)).hasSize(2);
            FrozenClock.advance(Duration.ofSeconds(30));
            assertThat(receiveAll(source)).isEmpty();
            assertThat(SQS.getQueueAttributes(dlq, List.of("ApproximateNumberOfMessages")).getAttributes())
                    .containsEntry("ApproximateNumberOfMessages", "2");

            String handle = SQS.startMessageMoveTask(new StartMessageMoveTaskRequest().withSourceArn(dlqArn)
                    .withMaxNumberOfMessagesPerSecond(1)).getTaskHandle();
            ListMessageMoveTasksResultEntry running = SQS.listMessageMoveTasks(new ListMessageMoveTasksRequest()
                    .withSourceArn(dlqArn)).getResults().get(0);
            assertThat(running.getStatus()).isEqualTo("RUNNING");
            assertThat(running.getTaskHandle()).isEqualTo(handle);
            assertThat(running.getApproximateNumberOfMessagesToMove()).isEqualTo(2);
            FrozenClock.advance(Duration.ofSeconds(1));
            assertThat(SQS.cancelMessageMoveTask(new CancelMessageMoveTaskRequest().withTaskHandle(handle))
                    .getApproximateNumberOfMessagesMoved()).isEqualTo(1);
            assertThat(SQS.listMessageMoveTasks(new ListMessageMoveTasksRequest().withSourceArn(dlqArn)).getResults().get(0)
                    .getStatus()).isIn("CANCELLING", "CANCELLED");
            assertThat(receiveAll(source)).hasSize(1);

            assertError(ResourceNotFoundException.class, "ResourceNotFoundException", 404,
                    () -> SQS.listMessageMoveTasks(new ListMessageMoveTasksRequest().withSourceArn(Sqs.arn(Sqs.name("missing")))));
        } finally {
            FrozenClock.clock().resetToSystem();
        }
    }

    @Test
    void attributeNamesReachTheServer() {
        String url = create(Sqs.name(P));
        assertThat(SQS.getQueueAttributes(new GetQueueAttributesRequest(url)).getAttributes()).isEmpty();
    }
}
