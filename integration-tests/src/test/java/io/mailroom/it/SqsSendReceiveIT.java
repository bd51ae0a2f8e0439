package io.mailroom.it;

import static io.mailroom.it.Queues.assertGenericError;
import static io.mailroom.it.Queues.assertQueueDoesNotExist;
import static io.mailroom.it.Queues.assertSqsError;
import static org.assertj.core.api.Assertions.assertThat;

import io.mailroom.core.time.ServerClock;
import io.mailroom.junit5.MailroomExtension;
import java.net.URI;
import java.time.Duration;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.model.InvalidMessageContentsException;
import software.amazon.awssdk.services.sqs.model.Message;
import software.amazon.awssdk.services.sqs.model.MessageAttributeValue;
import software.amazon.awssdk.services.sqs.model.MessageSystemAttributeName;
import software.amazon.awssdk.services.sqs.model.MessageSystemAttributeNameForSends;
import software.amazon.awssdk.services.sqs.model.MessageSystemAttributeValue;
import software.amazon.awssdk.services.sqs.model.QueueAttributeName;
import software.amazon.awssdk.services.sqs.model.ReceiveMessageRequest;
import software.amazon.awssdk.services.sqs.model.SendMessageBatchRequestEntry;
import software.amazon.awssdk.services.sqs.model.SendMessageResponse;

/**
 * SendMessage and ReceiveMessage on standard queues: bodies, message attributes of every type (the SDK
 * verifies every MD5 it is given, so a passing call proves the digests), system attributes and limits.
 */
@ExtendWith(MailroomExtension.class)
class SqsSendReceiveIT {
    private static final String P = "SqsSendReceiveIT";
    private static final byte[] BYTES = {0, 1, 2, (byte) 0x7f, (byte) 0x80, (byte) 0xff};
    private static final String TRACE = "Root=1-5759e988-bd862e3fe1be46a994272793;Parent=53995c3f42cd8ad8;Sampled=1";
    private final SqsClient sqs;
    private final Queues queues;
    private final ServerClock clock;

    SqsSendReceiveIT(SqsClient sqs, URI endpoint, ServerClock clock) {
        this.sqs = sqs;
        this.queues = new Queues(sqs, endpoint);
        this.clock = clock;
    }

    private static MessageAttributeValue string(String type, String value) {
        return MessageAttributeValue.builder().dataType(type).stringValue(value).build();
    }

    private static MessageAttributeValue binary(String type, byte[] value) {
        return MessageAttributeValue.builder().dataType(type).binaryValue(SdkBytes.fromByteArray(value)).build();
    }

    /** One attribute of every type: String, Number, Binary, and each with a custom label. */
    static Map<String, MessageAttributeValue> everyType() {
        Map<String, MessageAttributeValue> a = new LinkedHashMap<>();
        a.put("text", string("String", "h\u00e9llo w\u00f6rld \u2713 \ud83d\ude00 <&>\"'"));
        a.put("count", string("Number", "-12345.6789"));
        a.put("big", string("Number", "1.5E+100"));
        a.put("blob", binary("Binary", BYTES));
        a.put("Custom_Label-1", string("String.json", "{\"k\":[1,2]}"));
        a.put("price", string("Number.float", "3.14"));
        a.put("image.gif", binary("Binary.gif", new byte[] {'G', 'I', 'F', '8', '9', 'a'}));
        return a;
    }

    private static Map<String, Md5.Attr> digestView(Map<String, MessageAttributeValue> attributes) {
        Map<String, Md5.Attr> view = new LinkedHashMap<>();
        attributes.forEach((k, v) -> view.put(k, v.binaryValue() != null
                ? Md5.Attr.binary(v.dataType(), v.binaryValue().asByteArray()) : Md5.Attr.string(v.dataType(), v.stringValue())));
        return view;
    }

    // ---------------------------------------------------------------- bodies and digests

    @Test
    void sendAnswersTheMessageIdAndTheDigestOfTheBody() {
        String url = queues.create(Queues.name(P));
        String body = "{\"order\": 42, \"note\": \"caf\u00e9 \ud83d\ude80\"}\t\r\n";
        SendMessageResponse sent = sqs.sendMessage(b -> b.queueUrl(url).messageBody(body));
        assertThat(sent.messageId()).matches("[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}");
        assertThat(sent.md5OfMessageBody()).isEqualTo(Md5.ofBody(body));
        assertThat(sent.md5OfMessageAttributes()).isNull();
        assertThat(sent.sequenceNumber()).isNull();

        Message got = queues.receiveOne(url);
        assertThat(got.messageId()).isEqualTo(sent.messageId());
        assertThat(got.body()).isEqualTo(body);
        assertThat(got.md5OfBody()).isEqualTo(Md5.ofBody(body));
        assertThat(got.receiptHandle()).isNotBlank();
    }

    /** Bodies that answers copy as stored bytes, and bodies they must escape: each comes back as it was sent. */
    static final List<String> BODIES_OF_EVERY_KIND = List.of(
            "plain ASCII ".repeat(30),
            "{\"json\": \"with quotes\", \"path\": \"C:\\\\temp\"} ".repeat(8),
            "tabs\tand\nline\r\nbreaks ".repeat(10),
            "caf\u00e9 \u2713 \u65e5\u672c \u2028 written as UTF-8 ".repeat(8),
            "an emoji \ud83d\ude00 beyond the BMP ".repeat(8),
            "question marks ??? <xml/> & 'apostrophes' \u007f ".repeat(8),
            "a");

    @Test
    void bodiesOfEveryKindComeBackAsTheyWereSent() {
        String url = queues.create(Queues.name(P));
        sqs.sendMessageBatch(b -> b.queueUrl(url).entries(IntStream.range(0, BODIES_OF_EVERY_KIND.size())
                .mapToObj(i -> SendMessageBatchRequestEntry.builder().id("m" + i).messageBody(BODIES_OF_EVERY_KIND.get(i))
                        .build()).toList()));
        List<Message> got = new java.util.ArrayList<>();
        for (int attempt = 0; attempt < 10 && got.size() < BODIES_OF_EVERY_KIND.size(); attempt++) {
            got.addAll(queues.receive(url, 10));
        }
        assertThat(got).extracting(Message::body).containsExactlyInAnyOrderElementsOf(BODIES_OF_EVERY_KIND);
        assertThat(got).allSatisfy(m -> assertThat(m.md5OfBody()).isEqualTo(Md5.ofBody(m.body())));
    }

    @Test
    void messageAttributesOfEveryTypeRoundTripWithTheirDigests() {
        String url = queues.create(Queues.name(P));
        Map<String, MessageAttributeValue> attributes = everyType();
        SendMessageResponse sent = sqs.sendMessage(b -> b.queueUrl(url).messageBody("typed")
                .messageAttributes(attributes));
        assertThat(sent.md5OfMessageAttributes()).isEqualTo(Md5.ofAttributes(digestView(attributes)));

        Message got = sqs.receiveMessage(b -> b.queueUrl(url).messageAttributeNames("All")).messages().get(0);
        assertThat(got.messageAttributes()).isEqualTo(attributes);
        assertThat(got.messageAttributes().get("blob").binaryValue().asByteArray()).isEqualTo(BYTES);
        assertThat(got.md5OfMessageAttributes()).isEqualTo(sent.md5OfMessageAttributes());
    }

    @Test
    void receiveReturnsOnlyTheMessageAttributesAskedFor() {
        String url = queues.create(Queues.name(P));
        Map<String, MessageAttributeValue> attributes = everyType();
        sqs.sendMessage(b -> b.queueUrl(url).messageBody("selective").messageAttributes(attributes));

        Message none = sqs.receiveMessage(b -> b.queueUrl(url).visibilityTimeout(0)).messages().get(0);
        assertThat(none.messageAttributes()).isEmpty();
        assertThat(none.md5OfMessageAttributes()).isNull();

        Message named = sqs.receiveMessage(b -> b.queueUrl(url).visibilityTimeout(0)
                .messageAttributeNames("text", "blob", "absent")).messages().get(0);
        assertThat(named.messageAttributes()).containsOnlyKeys("text", "blob");
        assertThat(named.md5OfMessageAttributes())
                .isEqualTo(Md5.ofAttributes(digestView(Map.of("text", attributes.get("text"), "blob", attributes.get("blob")))));

        Message prefixed = sqs.receiveMessage(b -> b.queueUrl(url).visibilityTimeout(0)
                .messageAttributeNames("image.*")).messages().get(0);
        assertThat(prefixed.messageAttributes()).containsOnlyKeys("image.gif");

        Message allByPattern = sqs.receiveMessage(b -> b.queueUrl(url).visibilityTimeout(0)
                .messageAttributeNames(".*")).messages().get(0);
        assertThat(allByPattern.messageAttributes()).isEqualTo(attributes);
    }

    @Test
    void awsTraceHeaderIsASystemAttributeWithItsOwnDigest() {
        String url = queues.create(Queues.name(P));
        SendMessageResponse sent = sqs.sendMessage(b -> b.queueUrl(url).messageBody("traced")
                .messageSystemAttributes(Map.of(MessageSystemAttributeNameForSends.AWS_TRACE_HEADER,
                        MessageSystemAttributeValue.builder().dataType("String").stringValue(TRACE).build())));
        assertThat(sent.md5OfMessageSystemAttributes())
                .isEqualTo(Md5.ofAttributes(Map.of("AWSTraceHeader", Md5.Attr.string("String", TRACE))));
        assertThat(sent.md5OfMessageAttributes()).isNull();

        Message got = sqs.receiveMessage(b -> b.queueUrl(url)
                .messageSystemAttributeNames(MessageSystemAttributeName.AWS_TRACE_HEADER)).messages().get(0);
        assertThat(got.attributesAsStrings()).containsExactly(Map.entry("AWSTraceHeader", TRACE));
        assertThat(got.messageAttributes()).isEmpty();
    }

    @Test
    void onlyAwsTraceHeaderOfTypeStringCanBeSent() {
        String url = queues.create(Queues.name(P));
        assertGenericError("InvalidParameterValue", () -> sqs.sendMessage(b -> b.queueUrl(url).messageBody("x")
                .messageSystemAttributesWithStrings(Map.of("SenderId",
                        MessageSystemAttributeValue.builder().dataType("String").stringValue("me").build()))));
        assertGenericError("InvalidParameterValue", () -> sqs.sendMessage(b -> b.queueUrl(url).messageBody("x")
                .messageSystemAttributes(Map.of(MessageSystemAttributeNameForSends.AWS_TRACE_HEADER,
                        MessageSystemAttributeValue.builder().dataType("Number").stringValue("1").build()))));
        queues.assertEmpty(url);
    }

    // ---------------------------------------------------------------- system attributes on receive

    @Test
    @SuppressWarnings("deprecation")
    void receiveReturnsTheSystemAttributesAskedFor() {
        clock.freeze();
        try {
            String url = queues.create(Queues.name(P));
            long sentAt = clock.millis();
            queues.send(url, "attributes");
            clock.advance(Duration.ofSeconds(3));
            long firstReceivedAt = clock.millis();

            Message first = sqs.receiveMessage(b -> b.queueUrl(url).visibilityTimeout(0)
                    .messageSystemAttributeNames(MessageSystemAttributeName.ALL)).messages().get(0);
            assertThat(first.attributesAsStrings()).containsOnlyKeys("SenderId", "SentTimestamp",
                    "ApproximateReceiveCount", "ApproximateFirstReceiveTimestamp");
            assertThat(first.attributesAsStrings())
                    .containsEntry("SenderId", Queues.ACCOUNT)
                    .containsEntry("SentTimestamp", Long.toString(sentAt))
                    .containsEntry("ApproximateReceiveCount", "1")
                    .containsEntry("ApproximateFirstReceiveTimestamp", Long.toString(firstReceivedAt));

            clock.advance(Duration.ofSeconds(5));
            Message second = sqs.receiveMessage(b -> b.queueUrl(url).visibilityTimeout(0)
                    .messageSystemAttributeNames(MessageSystemAttributeName.APPROXIMATE_RECEIVE_COUNT,
                            MessageSystemAttributeName.APPROXIMATE_FIRST_RECEIVE_TIMESTAMP)).messages().get(0);
            assertThat(second.attributesAsStrings()).containsOnly(Map.entry("ApproximateReceiveCount", "2"),
                    Map.entry("ApproximateFirstReceiveTimestamp", Long.toString(firstReceivedAt)));

            Message legacy = sqs.receiveMessage(b -> b.queueUrl(url).visibilityTimeout(0)
                    .attributeNames(QueueAttributeName.ALL)).messages().get(0);
            assertThat(legacy.attributesAsStrings()).as("the deprecated AttributeNames parameter")
                    .containsEntry("ApproximateReceiveCount", "3").containsKey("SentTimestamp");

            Message bare = sqs.receiveMessage(b -> b.queueUrl(url)).messages().get(0);
            assertThat(bare.attributes()).isEmpty();
        } finally {
            clock.resetToSystem();
        }
    }

    @Test
    void aStandardQueueAcceptsAMessageGroupIdForFairQueuing() {
        String url = queues.create(Queues.name(P));
        sqs.sendMessage(b -> b.queueUrl(url).messageBody("tenant message").messageGroupId("tenant-1"));
        Message got = sqs.receiveMessage(b -> b.queueUrl(url)
                .messageSystemAttributeNames(MessageSystemAttributeName.MESSAGE_GROUP_ID)).messages().get(0);
        assertThat(got.attributesAsStrings()).containsEntry("MessageGroupId", "tenant-1");
    }

    // ---------------------------------------------------------------- receive parameters

    @Test
    void receiveReturnsOneMessageByDefaultAndAtMostMaxNumberOfMessages() {
        String url = queues.create(Queues.name(P));
        Set<String> sent = IntStream.range(0, 15).mapToObj(i -> "m" + i).collect(Collectors.toSet());
        sent.forEach(body -> queues.send(url, body));

        assertThat(sqs.receiveMessage(b -> b.queueUrl(url)).messages()).hasSize(1);
        Set<String> received = new HashSet<>();
        List<Message> batch;
        while (!(batch = queues.receive(url, 10)).isEmpty()) {
            assertThat(batch).hasSizeBetween(1, 10);
            batch.forEach(m -> assertThat(received.add(m.body())).as("received once: %s", m.body()).isTrue());
        }
        assertThat(received).hasSize(14).isSubsetOf(sent);
        assertThat(queues.counts(url)).containsExactly(0, 15, 0);
    }

    @ParameterizedTest
    @ValueSource(ints = {0, 11, -1})
    void maxNumberOfMessagesIsOneToTen(int max) {
        String url = queues.create(Queues.name(P));
        assertGenericError("InvalidParameterValue",
                () -> sqs.receiveMessage(b -> b.queueUrl(url).maxNumberOfMessages(max)));
    }

    @Test
    void receiveVisibilityTimeoutAndWaitTimeAreBounded() {
        String url = queues.create(Queues.name(P));
        assertGenericError("InvalidParameterValue", () -> sqs.receiveMessage(b -> b.queueUrl(url).visibilityTimeout(43201)));
        assertGenericError("InvalidParameterValue", () -> sqs.receiveMessage(b -> b.queueUrl(url).visibilityTimeout(-1)));
        assertGenericError("InvalidParameterValue", () -> sqs.receiveMessage(b -> b.queueUrl(url).waitTimeSeconds(21)));
        assertGenericError("InvalidParameterValue", () -> sqs.receiveMessage(b -> b.queueUrl(url).waitTimeSeconds(-1)));
    }

    @Test
    void aReceiveVisibilityTimeoutOverridesTheQueues() {
        String url = queues.create(Queues.name(P), Map.of(QueueAttributeName.VISIBILITY_TIMEOUT, "3600"));
        queues.send(url, "again and again");
        Message first = sqs.receiveMessage(b -> b.queueUrl(url).visibilityTimeout(0)).messages().get(0);
        Message second = sqs.receiveMessage(b -> b.queueUrl(url).visibilityTimeout(0)
                .messageSystemAttributeNames(MessageSystemAttributeName.APPROXIMATE_RECEIVE_COUNT)).messages().get(0);
        assertThat(second.messageId()).isEqualTo(first.messageId());
        assertThat(second.receiptHandle()).isNotEqualTo(first.receiptHandle());
        assertThat(second.attributesAsStrings()).containsEntry("ApproximateReceiveCount", "2");
        queues.receiveOne(url);
        queues.assertEmpty(url);
    }

    @Test
    void deleteMessageRemovesTheMessageForGood() {
        clock.freeze();
        try {
            String url = queues.create(Queues.name(P));
            queues.send(url, "delete me");
            queues.send(url, "keep me");
            Message first = queues.receiveOne(url);
            queues.delete(url, first);
            clock.advance(Duration.ofSeconds(31));
            List<Message> left = queues.receive(url, 10);
            assertThat(left).extracting(Message::body).containsExactly(first.body().equals("delete me") ? "keep me" : "delete me");
            assertThat(queues.counts(url)).containsExactly(0, 1, 0);
        } finally {
            clock.resetToSystem();
        }
    }

    @Test
    void messageOperationsOnAMissingQueueAreNonExistentQueue() {
        String missing = queues.missingQueueUrl();
        assertQueueDoesNotExist(() -> queues.send(missing, "x"));
        assertQueueDoesNotExist(() -> queues.receive(missing, 1));
        assertQueueDoesNotExist(() -> sqs.deleteMessage(b -> b.queueUrl(missing).receiptHandle("x")));
        assertQueueDoesNotExist(() -> sqs.changeMessageVisibility(b -> b.queueUrl(missing).receiptHandle("x")
                .visibilityTimeout(1)));
        assertQueueDoesNotExist(() -> sqs.receiveMessage(ReceiveMessageRequest.builder().queueUrl("not a url").build()));
    }

    // ---------------------------------------------------------------- limits and bad input

    @Test
    void bodiesMustBeNonEmptyAndOfAllowedCharacters() {
        String url = queues.create(Queues.name(P));
        assertGenericError("MissingParameter", () -> queues.send(url, ""));
        for (String bad : new String[] {"nul \u0000", "backspace \u0008", "not a char \uFFFE", "lone \uDC00 surrogate"}) {
            assertSqsError(InvalidMessageContentsException.class, "InvalidMessageContents", 400, () -> queues.send(url, bad));
        }
        queues.assertEmpty(url);
    }

    @Test
    void aMessageMayNotExceedTheQueuesMaximumMessageSize() {
        String url = queues.create(Queues.name(P), Map.of(QueueAttributeName.MAXIMUM_MESSAGE_SIZE, "1024"));
        queues.send(url, "x".repeat(1024));
        queues.send(url, "\u00e9".repeat(512));
        assertGenericError("InvalidParameterValue", () -> queues.send(url, "x".repeat(1025)));
        assertGenericError("InvalidParameterValue", () -> queues.send(url, "\u00e9".repeat(513)));
        assertGenericError("InvalidParameterValue", () -> sqs.sendMessage(b -> b.queueUrl(url)
                .messageBody("x".repeat(1000)).messageAttributes(Map.of("attribute", string("String", "y".repeat(20))))));
        assertThat(queues.counts(url)).containsExactly(2, 0, 0);
    }

    @Test
    void theDefaultMaximumMessageSizeIsOneMebibyte() {
        String url = queues.create(Queues.name(P));
        String largest = "x".repeat(1_048_576);
        queues.send(url, largest);
        assertGenericError("InvalidParameterValue", () -> queues.send(url, largest + "x"));
        assertThat(queues.receiveOne(url).body()).hasSize(1_048_576);
    }

    @Test
    void delaySecondsIsZeroToNineHundred() {
        String url = queues.create(Queues.name(P));
        assertGenericError("InvalidParameterValue", () -> sqs.sendMessage(b -> b.queueUrl(url).messageBody("x").delaySeconds(901)));
        assertGenericError("InvalidParameterValue", () -> sqs.sendMessage(b -> b.queueUrl(url).messageBody("x").delaySeconds(-1)));
        sqs.sendMessage(b -> b.queueUrl(url).messageBody("x").delaySeconds(900));
        sqs.sendMessage(b -> b.queueUrl(url).messageBody("y").delaySeconds(0));
        assertThat(queues.counts(url)).containsExactly(1, 0, 1);
    }

    @Test
    void aStandardQueueRefusesADeduplicationId() {
        String url = queues.create(Queues.name(P));
        assertGenericError("InvalidParameterValue", () -> sqs.sendMessage(b -> b.queueUrl(url).messageBody("x")
                .messageDeduplicationId("d1")));
    }

    @Test
    void messageAttributesAreValidated() {
        String url = queues.create(Queues.name(P));
        Map<String, MessageAttributeValue> eleven = new LinkedHashMap<>();
        for (int i = 0; i < 11; i++) {
            eleven.put("a" + i, string("String", "v"));
        }
        List<Map<String, MessageAttributeValue>> invalid = List.of(
                eleven,
                Map.of("AWS.reserved", string("String", "v")),
                Map.of("amazon.reserved", string("String", "v")),
                Map.of(".leading", string("String", "v")),
                Map.of("trailing.", string("String", "v")),
                Map.of("dou..ble", string("String", "v")),
                Map.of("spa ce", string("String", "v")),
                Map.of("n".repeat(257), string("String", "v")),
                Map.of("type", string("Text", "v")),
                Map.of("type", string("String.", "v")),
                Map.of("nan", string("Number", "twelve")),
                Map.of("huge", string("Number", "1E+127")),
                Map.of("precise", string("Number", "1." + "1".repeat(38))),
                Map.of("empty", string("String", "")),
                Map.of("bin", binary("Binary", new byte[0])),
                Map.of("ctl", string("String", "bad \u0001")));
        for (Map<String, MessageAttributeValue> attributes : invalid) {
            assertGenericError("InvalidParameterValue", () -> sqs.sendMessage(b -> b.queueUrl(url)
                    .messageBody("x").messageAttributes(attributes)));
        }
        eleven.remove("a10");
        sqs.sendMessage(b -> b.queueUrl(url).messageBody("ten attributes").messageAttributes(eleven));
        assertThat(queues.counts(url)).containsExactly(1, 0, 0);
    }

    /**
     * AWS answers a message attribute without a DataType with InvalidParameterValue, "The message attribute
     * 'x' must contain non-empty message attribute type." (aws/aws-sdk-java#1692).
     */
    @Test
    void anAttributeWithoutADataTypeIsInvalidParameterValue() {
        String url = queues.create(Queues.name(P));
        assertGenericError("InvalidParameterValue", () -> sqs.sendMessage(b -> b.queueUrl(url).messageBody("x")
                .messageAttributes(Map.of("untyped", MessageAttributeValue.builder().stringValue("v").build()))));
    }
}
