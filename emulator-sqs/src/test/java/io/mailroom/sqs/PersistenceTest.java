package io.mailroom.sqs;

import static io.mailroom.sqs.SqsHarness.assertError;
import static io.mailroom.sqs.SqsHarness.json;
import static io.mailroom.sqs.SqsHarness.obj;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.mailroom.sqs.persistence.SnapshotFile;
import java.io.IOException;
import java.math.BigInteger;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Save on one service, load into a fresh one (as across a restart), and compare what the API shows. */
class PersistenceTest {
    private static final List<String> SHOWN_ATTRIBUTES = List.of("QueueArn", "CreatedTimestamp",
            "LastModifiedTimestamp", "VisibilityTimeout", "MaximumMessageSize", "MessageRetentionPeriod",
            "DelaySeconds", "Policy", "RedrivePolicy", "RedriveAllowPolicy", "ReceiveMessageWaitTimeSeconds",
            "KmsMasterKeyId", "KmsDataKeyReusePeriodSeconds", "SqsManagedSseEnabled", "FifoQueue",
            "DeduplicationScope", "FifoThroughputLimit", "ContentBasedDeduplication");

    @TempDir
    Path dataDir;

    private final SqsHarness before = new SqsHarness();

    /** Saves {@code before}, and loads it into a new service whose clock is {@code laterSeconds} ahead. */
    private SqsHarness restart(long laterSeconds) {
        before.sqs.save(dataDir);
        SqsHarness after = new SqsHarness();
        after.clock.set(before.clock.now().plusSeconds(laterSeconds));
        after.sqs.load(dataDir);
        return after;
    }

    private static Map<String, String> attributes(SqsHarness h, String url) {
        ObjectNode in = obj().put("QueueUrl", url);
        in.putArray("AttributeNames").add("All");
        Map<String, String> out = new TreeMap<>();
        h.call("GetQueueAttributes", in).path("Attributes").fields()
                .forEachRemaining(e -> out.put(e.getKey(), e.getValue().asText()));
        out.keySet().retainAll(SHOWN_ATTRIBUTES);
        return out;
    }

    private static List<String> bodies(JsonNode messages) {
        List<String> out = new ArrayList<>();
        messages.forEach(m -> out.add(m.get("Body").asText()));
        return out;
    }

    private static JsonNode withoutHandle(JsonNode message) {
        ObjectNode copy = message.deepCopy();
        copy.remove("ReceiptHandle");
        ((ObjectNode) copy.get("Attributes")).remove("ApproximateReceiveCount");
        return copy;
    }

    @Test
    void standardQueueKeepsAttributesTagsAndEveryKindOfMessage() {
        String url = before.createQueue("orders", "{'VisibilityTimeout':'45','MessageRetentionPeriod':'86400',"
                + "'ReceiveMessageWaitTimeSeconds':'0','MaximumMessageSize':'2048','KmsMasterKeyId':'alias/k',"
                + "'KmsDataKeyReusePeriodSeconds':'600'}");
        before.call("TagQueue", "{'QueueUrl':'" + url + "','Tags':{'team':'billing','env':'test'}}");
        before.call("AddPermission", "{'QueueUrl':'" + url + "','Label':'p1','AWSAccountIds':['111122223333'],"
                + "'Actions':['SendMessage']}");
        before.advanceSeconds(5);

        ObjectNode rich = obj().put("QueueUrl", url).put("MessageBody", "rich \u00e9\u20ac");
        ObjectNode attrs = rich.putObject("MessageAttributes");
        attrs.putObject("s").put("DataType", "String").put("StringValue", "text");
        attrs.putObject("n").put("DataType", "Number.int").put("StringValue", "42");
        attrs.putObject("b").put("DataType", "Binary")
                .put("BinaryValue", Base64.getEncoder().encodeToString(new byte[] {0, 1, 2, (byte) 0xff}));
        rich.putObject("MessageSystemAttributes").putObject("AWSTraceHeader")
                .put("DataType", "String").put("StringValue", "Root=1-abc");
        before.call("SendMessage", rich);
        before.send(url, "in flight");
        before.call("SendMessage", obj().put("QueueUrl", url).put("MessageBody", "delayed").put("DelaySeconds", 600));
        before.advanceSeconds(1);
        JsonNode visibleBefore = before.receive(url, 1).get(0);
        String staleHandle = before.receive(url, 1).get(0).get("ReceiptHandle").asText();
        // "rich" becomes visible again; "in flight" stays in flight; "delayed" waits.
        before.call("ChangeMessageVisibility", obj().put("QueueUrl", url)
                .put("ReceiptHandle", visibleBefore.get("ReceiptHandle").asText()).put("VisibilityTimeout", 0));
        Map<String, String> attributesBefore = attributes(before, url);
        Map<String, String> tagsBefore = Map.of("team", "billing", "env", "test");

        SqsHarness after = restart(10);

        assertThat(attributes(after, url)).isEqualTo(attributesBefore);
        assertThat(attributesBefore).containsEntry("KmsDataKeyReusePeriodSeconds", "600")
                .containsEntry("VisibilityTimeout", "45").containsKey("Policy");
        assertThat(after.call("ListQueueTags", obj().put("QueueUrl", url)).get("Tags"))
                .isEqualTo(SqsHarness.JSON.valueToTree(tagsBefore));
        assertThat(after.attribute(url, "ApproximateNumberOfMessages")).isEqualTo("2");
        assertThat(after.attribute(url, "ApproximateNumberOfMessagesNotVisible")).isEqualTo("0");
        assertThat(after.attribute(url, "ApproximateNumberOfMessagesDelayed")).isEqualTo("1");

        JsonNode received = after.receive(url, 10);
        assertThat(bodies(received)).containsExactly("rich \u00e9\u20ac", "in flight");
        JsonNode richAfter = received.get(0);
        assertThat(withoutHandle(richAfter)).isEqualTo(withoutHandle(visibleBefore));
        assertThat(richAfter.at("/Attributes/ApproximateReceiveCount").asText()).isEqualTo("2");
        assertThat(richAfter.at("/MessageAttributes/b/BinaryValue").asText()).isEqualTo("AAEC/w==");
        assertThat(richAfter.at("/Attributes/AWSTraceHeader").asText()).isEqualTo("Root=1-abc");
        assertThat(received.get(1).at("/Attributes/ApproximateReceiveCount").asText()).isEqualTo("2");

        received.forEach(m -> after.delete(url, m.get("ReceiptHandle").asText()));
        // The delay keeps its due time: 600 s after the send (at 5 s), not after the restart (at 16 s).
        after.advanceSeconds(605 - 16 - 1);
        assertThat(after.attribute(url, "ApproximateNumberOfMessagesDelayed")).isEqualTo("1");
        after.advanceSeconds(1);
        assertThat(bodies(after.receive(url, 10))).containsExactly("delayed");

        assertError(after.error("DeleteMessage", obj().put("QueueUrl", url).put("ReceiptHandle", staleHandle)),
                SqsErrors.RECEIPT_HANDLE_IS_INVALID, "not a valid receipt handle");
    }

    @Test
    void retentionKeepsCountingFromTheOriginalSend() {
        String url = before.createQueue("short", "{'MessageRetentionPeriod':'60'}");
        before.send(url, "old");
        before.advanceSeconds(40);
        before.send(url, "young");
        SqsHarness after = restart(0);
        after.advanceSeconds(25);
        assertThat(bodies(after.receive(url, 10))).containsExactly("young");
    }

    @Test
    void fifoQueueKeepsGroupOrderSequenceNumbersAndSettings() {
        String url = before.createFifo("orders.fifo", "ContentBasedDeduplication", "true",
                "DeduplicationScope", "messageGroup", "FifoThroughputLimit", "perMessageGroupId");
        String seqA1 = before.sendFifo(url, "a1", "A", "1").get("SequenceNumber").asText();
        before.sendFifo(url, "b1", "B", "2");
        before.sendFifo(url, "a2", "A", "3");
        JsonNode a1 = before.receive(url, 1).get(0);
        Map<String, String> attributesBefore = attributes(before, url);

        SqsHarness after = restart(1);

        assertThat(attributes(after, url)).isEqualTo(attributesBefore);
        JsonNode received = after.receive(url, 10);
        assertThat(bodies(received)).containsExactly("a1", "a2", "b1");
        assertThat(received.get(0).at("/Attributes/SequenceNumber").asText()).isEqualTo(seqA1);
        assertThat(received.get(0).at("/Attributes/MessageDeduplicationId").asText()).isEqualTo("1");
        assertThat(received.get(0).at("/Attributes/MessageGroupId").asText()).isEqualTo("A");
        assertThat(received.get(0).get("MessageId")).isEqualTo(a1.get("MessageId"));
        String seqLater = after.sendFifo(url, "a3", "A", "4").get("SequenceNumber").asText();
        assertThat(new BigInteger(seqLater)).isGreaterThan(new BigInteger(
                received.get(1).at("/Attributes/SequenceNumber").asText()));
    }

    @Test
    void deadLetterQueuesKeepTheirPoliciesAndSourceArns() {
        String dlq = before.createQueue("dlq");
        String dlqArn = before.attribute(dlq, "QueueArn");
        ObjectNode in = obj().put("QueueName", "src");
        in.putObject("Attributes").put("VisibilityTimeout", "0")
                .put("RedrivePolicy", "{\"deadLetterTargetArn\":\"" + dlqArn + "\",\"maxReceiveCount\":1}");
        String src = before.call("CreateQueue", in).get("QueueUrl").asText();
        String srcArn = before.attribute(src, "QueueArn");
        before.call("SetQueueAttributes", obj().put("QueueUrl", dlq).set("Attributes", obj().put(
                "RedriveAllowPolicy", "{\"redrivePermission\":\"byQueue\",\"sourceQueueArns\":[\"" + srcArn + "\"]}")));
        before.send(src, "first");
        before.receive(src);
        before.receive(src);
        before.send(src, "second");
        before.receive(src);

        SqsHarness after = restart(1);

        assertThat(after.attribute(dlq, "RedriveAllowPolicy")).isEqualTo(before.attribute(dlq, "RedriveAllowPolicy"));
        assertThat(after.attribute(src, "RedrivePolicy")).isEqualTo(before.attribute(src, "RedrivePolicy"));
        assertThat(after.call("ListDeadLetterSourceQueues", obj().put("QueueUrl", dlq)).get("queueUrls"))
                .hasSize(1);
        // "second" was received once before the restart: the next receive redrives it.
        assertThat(after.receive(src)).isEmpty();
        JsonNode inDlq = after.receive(dlq);
        assertThat(bodies(inDlq)).containsExactly("first", "second");
        inDlq.forEach(m -> assertThat(m.at("/Attributes/DeadLetterQueueSourceArn").asText()).isEqualTo(srcArn));
    }

    @Test
    void savingReplacesTheFileAtomicallyAndAnEmptyServiceSavesEmpty() throws IOException {
        before.createQueue("gone-later");
        before.sqs.save(dataDir);
        before.call("DeleteQueue", obj().put("QueueUrl", before.createQueue("gone-later")));
        before.sqs.save(dataDir);
        try (var files = Files.list(dataDir.resolve("sqs"))) {
            assertThat(files.map(p -> p.getFileName().toString())).containsExactly("state.json");
        }
        SqsHarness after = new SqsHarness();
        after.createQueue("replaced-by-load");
        after.sqs.load(dataDir);
        assertThat(after.call("ListQueues", obj()).path("QueueUrls")).isEmpty();
    }

    @Test
    void temporaryFilesOfAKilledSaveAreRemovedAtTheNextLoad() throws IOException {
        before.createQueue("kept");
        before.sqs.save(dataDir);
        Path sqsDir = dataDir.resolve("sqs");
        Files.writeString(sqsDir.resolve("state.json.123456.tmp"), "{\"format\":1,\"que");
        Files.writeString(sqsDir.resolve("notes.txt"), "not ours to remove");

        SqsHarness after = new SqsHarness();
        after.sqs.load(dataDir);
        try (var files = Files.list(sqsDir)) {
            assertThat(files.map(p -> p.getFileName().toString())).containsExactlyInAnyOrder("state.json", "notes.txt");
        }
        assertThat(after.call("ListQueues", obj()).path("QueueUrls")).hasSize(1);
    }

    @Test
    void aTemporaryFileAloneIsRemovedToo() throws IOException {
        Path temp = Files.createDirectories(dataDir.resolve("sqs")).resolve("state.json.99.tmp");
        Files.writeString(temp, "partial");
        new SqsHarness().sqs.load(dataDir);
        assertThat(temp).doesNotExist();
    }

    @Test
    void noFileMeansNothingToLoad() {
        SqsHarness after = new SqsHarness();
        after.createQueue("kept");
        after.sqs.load(dataDir);
        assertThat(after.call("ListQueues", obj()).path("QueueUrls")).hasSize(1);
        assertThat(dataDir).isEmptyDirectory();
    }

    @Test
    void aCorruptSnapshotFailsNamingTheFileAndChangesNothing() throws IOException {
        Path file = SnapshotFile.in(dataDir);
        Files.createDirectories(file.getParent());
        SqsHarness after = new SqsHarness();
        after.createQueue("kept");
        for (String content : List.of("{\"format\":1,\"queues\":[{\"accountId\":", "",
                "{\"format\":99,\"queues\":[]}",
                "{\"format\":1,\"queues\":[{\"accountId\":\"000000000000\",\"region\":\"us-east-1\"}]}",
                "{\"format\":1,\"queues\":[{\"accountId\":\"000000000000\",\"region\":\"us-east-1\",\"name\":\"q\","
                        + "\"attributes\":{\"VisibilityTimeout\":\"-1\"}}]}")) {
            Files.writeString(file, content);
            assertThatThrownBy(() -> after.sqs.load(dataDir))
                    .isInstanceOf(IllegalStateException.class)
                    .hasMessageContaining("cannot restore SQS state from " + file);
        }
        assertThat(after.call("ListQueues", obj()).path("QueueUrls")).hasSize(1);
    }

    @Test
    void aPolicyOverTheQuotasSavedByAnEarlierBuildIsRestoredAsItWas() throws IOException {
        ObjectNode policy = obj().put("Version", "2012-10-17");
        for (int i = 0; i < 21; i++) {
            policy.withArray("Statement").addObject().put("Sid", "s" + i).put("Effect", "Allow")
                    .put("Principal", "*").put("Action", "SQS:SendMessage");
        }
        ObjectNode snapshot = obj().put("format", 1);
        snapshot.putArray("queues").addObject().put("accountId", "000000000000").put("region", "us-east-1")
                .put("name", "q").putObject("attributes").put("Policy", policy.toString());
        Path file = SnapshotFile.in(dataDir);
        Files.createDirectories(file.getParent());
        Files.writeString(file, snapshot.toString());

        SqsHarness after = new SqsHarness();
        after.sqs.load(dataDir);

        String url = after.call("GetQueueUrl", obj().put("QueueName", "q")).get("QueueUrl").asText();
        String restored = attributes(after, url).get("Policy");
        assertThat(SqsHarness.JSON.readTree(restored).get("Statement")).hasSize(21);
        // The quota still holds for the API: the same policy set again is refused.
        ObjectNode set = obj().put("QueueUrl", url);
        set.putObject("Attributes").put("Policy", restored);
        assertError(after.error("SetQueueAttributes", set), SqsErrors.INVALID_ATTRIBUTE_VALUE, "Policy");
    }

    @Test
    void theFileReadsLikeTheApi() throws IOException {
        String url = before.createQueue("q");
        before.call("SendMessage", json("{'QueueUrl':'" + url + "','MessageBody':'hi','MessageAttributes':"
                + "{'bin':{'DataType':'Binary','BinaryValue':'AAEC'}}}"));
        before.sqs.save(dataDir);
        JsonNode file = SqsHarness.JSON.readTree(SnapshotFile.in(dataDir).toFile());
        JsonNode queue = file.at("/queues/0");
        assertThat(file.get("format").asInt()).isEqualTo(1);
        assertThat(queue.get("name").asText()).isEqualTo("q");
        assertThat(queue.at("/attributes/VisibilityTimeout").asText()).isEqualTo("30");
        assertThat(queue.at("/messages/0/body").asText()).isEqualTo("hi");
        assertThat(queue.at("/messages/0/attributes/bin/binaryValue").asText()).isEqualTo("AAEC");
        assertThat(queue.at("/messages/0/state").asText()).isEqualTo("VISIBLE");
    }
}
