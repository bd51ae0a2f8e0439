package io.mailroom.it;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The README's fan-out example through the AWS CLI: a topic, two queues (one with a filter policy),
 * two publishes; the filtered queue gets one message, the other both. Skipped when {@code aws} is absent.
 */
class SnsCliIT {
    private static final AwsCli CLI = AwsCli.standard();

    @BeforeAll
    static void requireCli() {
        AwsCli.assumeInstalled();
    }

    /** Runs {@code aws --endpoint-url <server> args...} with test credentials; answers its JSON output. */
    private static JsonNode aws(String... args) throws IOException, InterruptedException {
        return CLI.ok(args);
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
