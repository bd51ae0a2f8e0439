package io.mailroom.it;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.sqs.model.QueueAttributeName;

/**
 * The AWS CLI ({@code aws sqs ...}, botocore speaking the JSON protocol) against the server: every SQS
 * command once, its JSON output parsed, and a missing queue as a failing exit status with the error code
 * on stderr. Skipped where no {@code aws} is installed.
 */
class SqsCliIT {
    private static final String P = "SqsCliIT";
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final AwsCli CLI = AwsCli.standard();

    @BeforeAll
    static void findCli() {
        AwsCli.assumeInstalled();
    }

    private static AwsCli.Run run(String... args) throws IOException, InterruptedException {
        return CLI.run(sqs(args));
    }

    /** Runs a command that must succeed; its JSON output, or an empty object when it prints nothing. */
    private static JsonNode ok(String... args) throws Exception {
        return CLI.ok(sqs(args));
    }

    private static String[] sqs(String... args) {
        String[] command = new String[args.length + 1];
        command[0] = "sqs";
        System.arraycopy(args, 0, command, 1, args.length);
        return command;
    }

    private static String json(Object value) throws Exception {
        return JSON.writeValueAsString(value);
    }

    @Test
    void everySqsCommand() throws Exception {
        String name = Sqs.name(P);
        String url = ok("create-queue", "--queue-name", name, "--attributes", "VisibilityTimeout=45",
                "--tags", "team=cli").path("QueueUrl").asText();
        assertThat(url).isEqualTo(TestServer.endpoint() + "/000000000000/" + name);
        assertThat(ok("get-queue-url", "--queue-name", name).path("QueueUrl").asText()).isEqualTo(url);
        assertThat(ok("list-queues", "--queue-name-prefix", name).path("QueueUrls"))
                .extracting(JsonNode::asText).containsExactly(url);

        ok("set-queue-attributes", "--queue-url", url, "--attributes", "MessageRetentionPeriod=600,DelaySeconds=0");
        JsonNode attributes = ok("get-queue-attributes", "--queue-url", url, "--attribute-names", "All").path("Attributes");
        assertThat(attributes.path("VisibilityTimeout").asText()).isEqualTo("45");
        assertThat(attributes.path("MessageRetentionPeriod").asText()).isEqualTo("600");
        assertThat(attributes.path("QueueArn").asText()).isEqualTo(Sqs.arn(name));

        ok("tag-queue", "--queue-url", url, "--tags", "env=test,owner=qa");
        ok("untag-queue", "--queue-url", url, "--tag-keys", "owner");
        assertThat(JSON.convertValue(ok("list-queue-tags", "--queue-url", url).path("Tags"), Map.class))
                .isEqualTo(Map.of("team", "cli", "env", "test"));

        ok("add-permission", "--queue-url", url, "--label", "partner", "--aws-account-ids", "111122223333",
                "--actions", "SendMessage");
        assertThat(Sqs.attributes(url, QueueAttributeName.POLICY).get(QueueAttributeName.POLICY)).contains("\"partner\"");
        ok("remove-permission", "--queue-url", url, "--label", "partner");
        assertThat(Sqs.attributes(url, QueueAttributeName.POLICY).getOrDefault(QueueAttributeName.POLICY, ""))
                .doesNotContain("\"partner\"");

        String body = "from the CLI \u00e9";
        JsonNode sent = ok("send-message", "--queue-url", url, "--message-body", body, "--message-attributes",
                json(Map.of("kind", Map.of("DataType", "String", "StringValue", "cli"),
                        "n", Map.of("DataType", "Number", "StringValue", "3"))));
        assertThat(sent.path("MD5OfMessageBody").asText()).isEqualTo(Md5.ofBody(body));
        assertThat(sent.path("MD5OfMessageAttributes").asText()).isEqualTo(Md5.ofAttributes(Map.of(
                "kind", Md5.Attr.string("String", "cli"), "n", Md5.Attr.string("Number", "3"))));
        JsonNode batch = ok("send-message-batch", "--queue-url", url, "--entries", json(List.of(
                Map.of("Id", "one", "MessageBody", "batch one"), Map.of("Id", "two", "MessageBody", "batch two"))));
        assertThat(batch.path("Successful")).extracting(e -> e.path("Id").asText()).containsExactlyInAnyOrder("one", "two");

        JsonNode received = ok("receive-message", "--queue-url", url, "--max-number-of-messages", "10",
                "--attribute-names", "All", "--message-attribute-names", "All").path("Messages");
        assertThat(received).extracting(m -> m.path("Body").asText())
                .containsExactlyInAnyOrder(body, "batch one", "batch two");
        List<String> handles = new ArrayList<>();
        received.forEach(m -> handles.add(m.path("ReceiptHandle").asText()));
        JsonNode withAttributes = received.findParent("MessageAttributes");
        assertThat(withAttributes.path("MessageAttributes").path("kind").path("StringValue").asText()).isEqualTo("cli");
        assertThat(withAttributes.path("Attributes").path("ApproximateReceiveCount").asText()).isEqualTo("1");

        ok("change-message-visibility", "--queue-url", url, "--receipt-handle", handles.get(0), "--visibility-timeout", "0");
        JsonNode changed = ok("change-message-visibility-batch", "--queue-url", url, "--entries", json(List.of(
                Map.of("Id", "c1", "ReceiptHandle", handles.get(1), "VisibilityTimeout", 0))));
        assertThat(changed.path("Successful")).hasSize(1);
        assertThat(Sqs.counts(url)).containsExactly(2, 1, 0);

        ok("delete-message", "--queue-url", url, "--receipt-handle", handles.get(2));
        JsonNode deleted = ok("delete-message-batch", "--queue-url", url, "--entries", json(List.of(
                Map.of("Id", "d1", "ReceiptHandle", "not-a-handle"))));
        assertThat(deleted.path("Failed").get(0).path("Code").asText()).isEqualTo("ReceiptHandleIsInvalid");
        assertThat(Sqs.counts(url)).containsExactly(2, 0, 0);
        ok("purge-queue", "--queue-url", url);
        assertThat(Sqs.counts(url)).containsExactly(0, 0, 0);

        ok("delete-queue", "--queue-url", url);
        assertThat(Sqs.CLIENT.listQueues(b -> b.queueNamePrefix(name)).queueUrls()).isEmpty();
    }

    @Test
    void deadLetterQueueCommands() throws Exception {
        String dlq = Sqs.create(Sqs.name(P + "-dlq"));
        String dlqArn = Sqs.arnOf(dlq);
        String source = SqsRedriveIT.sourceWithDlq(Sqs.name(P), dlq, 1);
        Sqs.send(source, "dead letter");
        Sqs.CLIENT.receiveMessage(b -> b.queueUrl(source).visibilityTimeout(0));
        Sqs.assertEmpty(source);
        assertThat(Sqs.counts(dlq)).containsExactly(1, 0, 0);

        assertThat(ok("list-dead-letter-source-queues", "--queue-url", dlq).path("queueUrls"))
                .extracting(JsonNode::asText).containsExactly(source);

        FrozenClock.clock().freeze();
        try {
            String handle = ok("start-message-move-task", "--source-arn", dlqArn,
                    "--max-number-of-messages-per-second", "1").path("TaskHandle").asText();
            JsonNode task = ok("list-message-move-tasks", "--source-arn", dlqArn).path("Results").get(0);
            assertThat(task.path("Status").asText()).isEqualTo("RUNNING");
            assertThat(task.path("TaskHandle").asText()).isEqualTo(handle);
            assertThat(task.path("ApproximateNumberOfMessagesToMove").asLong()).isEqualTo(1);
            assertThat(ok("cancel-message-move-task", "--task-handle", handle)
                    .path("ApproximateNumberOfMessagesMoved").asLong()).isZero();
        } finally {
            FrozenClock.clock().resetToSystem();
        }
        assertThat(Sqs.counts(dlq)).containsExactly(1, 0, 0);
    }

    @Test
    void aMissingQueueFailsWithTheErrorCodeOnStderr() throws Exception {
        AwsCli.Run r = run("get-queue-url", "--queue-name", Sqs.name(P + "-missing"));
        assertThat(r.exit()).isIn(254, 255);
        assertThat(r.stdout()).isBlank();
        assertThat(r.stderr()).contains("AWS.SimpleQueueService.NonExistentQueue", "GetQueueUrl");
    }
}
