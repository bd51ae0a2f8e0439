package io.mailroom.it;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The README's fan-out example through the AWS CLI: a topic, two queues (one with a filter policy),
 * two publishes; the filtered queue gets one message, the other both. Skipped when {@code aws} is absent.
 */
class SnsCliIT {
    @TempDir
    static Path home;

    @BeforeAll
    static void requireCli() {
        boolean present;
        try {
            Process p = new ProcessBuilder("aws", "--version").redirectErrorStream(true).start();
            p.getInputStream().readAllBytes();
            present = p.waitFor(60, TimeUnit.SECONDS) && p.exitValue() == 0;
        } catch (IOException e) {
            present = false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            present = false;
        }
        Assumptions.assumeTrue(present, "the AWS CLI (aws) is not installed");
    }

    /** Runs {@code aws --endpoint-url <server> args...} with test credentials; answers its JSON output. */
    private static JsonNode aws(String... args) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of("aws", "--endpoint-url", TestServer.endpoint().toString(),
                "--output", "json"));
        command.addAll(List.of(args));
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(false);
        Map<String, String> env = builder.environment();
        env.put("AWS_ACCESS_KEY_ID", "test");
        env.put("AWS_SECRET_ACCESS_KEY", "test");
        env.remove("AWS_SESSION_TOKEN");
        env.remove("AWS_PROFILE");
        env.put("AWS_DEFAULT_REGION", "us-east-1");
        env.put("AWS_CONFIG_FILE", home.resolve("config").toString());
        env.put("AWS_SHARED_CREDENTIALS_FILE", home.resolve("credentials").toString());
        env.put("AWS_EC2_METADATA_DISABLED", "true");
        env.put("AWS_PAGER", "");
        Process process = builder.start();
        String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        String err = new String(process.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(process.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(process.exitValue()).as("aws %s\n%s", String.join(" ", args), err).isZero();
        return out.isBlank() ? SnsClients.JSON.createObjectNode() : SnsClients.readJson(out);
    }

    private static List<String> bodies(JsonNode receiveOutput) {
        List<String> out = new ArrayList<>();
        receiveOutput.path("Messages").forEach(m -> out.add(m.get("Body").asText()));
        return out;
    }

    @Test
    void fanOutWithAFilterPolicy() throws Exception {
        String suffix = SnsClients.name("cli");
        String topic = aws("sns", "create-topic", "--name", "orders-" + suffix).get("TopicArn").asText();
        String allUrl = aws("sqs", "create-queue", "--queue-name", "all-orders-" + suffix).get("QueueUrl").asText();
        String largeUrl = aws("sqs", "create-queue", "--queue-name", "large-orders-" + suffix).get("QueueUrl").asText();
        String allArn = aws("sqs", "get-queue-attributes", "--queue-url", allUrl, "--attribute-names", "QueueArn")
                .get("Attributes").get("QueueArn").asText();
        String largeArn = aws("sqs", "get-queue-attributes", "--queue-url", largeUrl, "--attribute-names", "QueueArn")
                .get("Attributes").get("QueueArn").asText();

        aws("sns", "subscribe", "--topic-arn", topic, "--protocol", "sqs", "--notification-endpoint", allArn,
                "--attributes", "{\"RawMessageDelivery\":\"true\"}");
        aws("sns", "subscribe", "--topic-arn", topic, "--protocol", "sqs", "--notification-endpoint", largeArn,
                "--attributes", "{\"RawMessageDelivery\":\"true\",\"FilterPolicy\":\"{\\\"size\\\":[\\\"large\\\"]}\"}");

        aws("sns", "publish", "--topic-arn", topic, "--message", "2 pencils",
                "--message-attributes", "{\"size\":{\"DataType\":\"String\",\"StringValue\":\"small\"}}");
        aws("sns", "publish", "--topic-arn", topic, "--message", "1 piano",
                "--message-attributes", "{\"size\":{\"DataType\":\"String\",\"StringValue\":\"large\"}}");

        List<String> all = bodies(aws("sqs", "receive-message", "--queue-url", allUrl, "--max-number-of-messages", "10"));
        for (int i = 0; all.size() < 2 && i < 3; i++) {
            all.addAll(bodies(aws("sqs", "receive-message", "--queue-url", allUrl, "--max-number-of-messages", "10",
                    "--wait-time-seconds", "1")));
        }
        List<String> large = bodies(aws("sqs", "receive-message", "--queue-url", largeUrl,
                "--max-number-of-messages", "10"));

        assertThat(all).containsExactlyInAnyOrder("2 pencils", "1 piano");
        assertThat(large).containsExactly("1 piano");
    }
}
