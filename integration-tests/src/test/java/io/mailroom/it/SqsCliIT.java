package io.mailroom.it;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assumptions;
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
    private static Path aws;

    private record Run(int exit, String stdout, String stderr) {
    }

    @BeforeAll
    static void findCli() {
        for (String dir : System.getenv().getOrDefault("PATH", "").split(File.pathSeparator)) {
            Path candidate = Path.of(dir, "aws");
            if (!dir.isEmpty() && Files.isExecutable(candidate)) {
                aws = candidate;
                break;
            }
        }
        Assumptions.assumeTrue(aws != null, "the AWS CLI (aws) is not on the PATH");
    }

    private static Run run(String... args) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of(aws.toString(), "--endpoint-url", TestServer.endpoint().toString(),
                "--output", "json", "sqs"));
        command.addAll(List.of(args));
        ProcessBuilder pb = new ProcessBuilder(command);
        Map<String, String> env = pb.environment();
        env.put("AWS_ACCESS_KEY_ID", "test");
        env.put("AWS_SECRET_ACCESS_KEY", "test");
        env.put("AWS_DEFAULT_REGION", "us-east-1");
        env.put("AWS_CONFIG_FILE", "/nonexistent/mailroom-it-aws-config");
        env.put("AWS_SHARED_CREDENTIALS_FILE", "/nonexistent/mailroom-it-aws-credentials");
        env.put("AWS_EC2_METADATA_DISABLED", "true");
        env.put("AWS_PAGER", "");
        env.remove("AWS_PROFILE");
        env.remove("AWS_SESSION_TOKEN");
        Process p = pb.start();
        p.getOutputStream().close();
        CompletableFuture<String> out = CompletableFuture.supplyAsync(() -> read(p.getInputStream()));
        CompletableFuture<String> err = CompletableFuture.supplyAsync(() -> read(p.getErrorStream()));
        assertThat(p.waitFor(60, TimeUnit.SECONDS)).as("aws %s finished", args[0]).isTrue();
        return new Run(p.exitValue(), out.join(), err.join());
    }

    private static String read(java.io.InputStream in) {
        try (in) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    /** Runs a command that must succeed; its JSON output, or an empty object when it prints nothing. */
    private static JsonNode ok(String... args) throws Exception {
        Run r = run(args);
        assertThat(r.exit()).as("aws sqs %s failed: %s", args[0], r.stderr()).isZero();
        return r.stdout().isBlank() ? JSON.createObjectNode() : JSON.readTree(r.stdout());
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
        Run r = run("get-queue-url", "--queue-name", Sqs.name(P + "-missing"));
        assertThat(r.exit()).isIn(254, 255);
        assertThat(r.stdout()).isBlank();
        assertThat(r.stderr()).contains("AWS.SimpleQueueService.NonExistentQueue", "GetQueueUrl");
    }
}
