package io.mailroom.sqs;

import static io.mailroom.sqs.SqsHarness.obj;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.fasterxml.jackson.databind.JsonNode;
import io.mailroom.core.delivery.MessageAttribute;
import io.mailroom.core.delivery.QueueMessage;
import io.mailroom.core.error.AwsException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class InspectAndSinkTest {
    private final SqsHarness h = new SqsHarness();
    private final String url = h.createQueue("look");

    @Test
    void inspectShowsMessagesWithoutChangingThem() {
        h.send(url, "received");
        h.send(url, "waiting");
        h.call("SendMessage", obj().put("QueueUrl", url).put("MessageBody", "delayed").put("DelaySeconds", 60));
        h.call("ReceiveMessage", obj().put("QueueUrl", url));

        JsonNode plain = h.sqs.inspect(h.ctx, url, false, false).get("Messages");
        assertThat(plain).extracting(m -> m.get("Body").asText()).containsExactly("waiting");
        JsonNode all = h.sqs.inspect(h.ctx, url, true, true).get("Messages");
        assertThat(all).extracting(m -> m.get("Body").asText()).containsExactly("received", "waiting", "delayed");
        JsonNode received = all.get(0);
        assertThat(received.at("/Attributes/IsVisible").asText()).isEqualTo("false");
        assertThat(received.at("/Attributes/ApproximateReceiveCount").asText()).isEqualTo("1");
        assertThat(all.get(2).at("/Attributes/IsDelayed").asText()).isEqualTo("true");
        assertThat(all.get(1).get("ReceiptHandle").asText()).isEqualTo("SQS/BACKDOOR/ACCESS");

        h.sqs.inspect(h.ctx, url, true, true);
        assertThat(h.attribute(url, "ApproximateNumberOfMessages")).isEqualTo("1");
        assertThat(h.receive(url).get(0).at("/Attributes/ApproximateReceiveCount").asText()).isEqualTo("1");
    }

    @Test
    void otherServicesDeliverWithSendMessageRules() {
        String arn = h.attribute(url, "QueueArn");
        assertThat(h.sqs.queueSink().exists(arn)).isTrue();
        assertThat(h.sqs.queueSink().isFifo(arn)).isFalse();
        assertThat(h.sqs.queueSink().exists("arn:aws:sqs:us-east-1:000000000000:nope")).isFalse();
        String id = h.sqs.queueSink().send(arn, new QueueMessage("{\"Type\":\"Notification\"}",
                Map.of("k", MessageAttribute.string("String", "v"), "b", MessageAttribute.binary("Binary", new byte[] {9})),
                null, null, "sns.amazonaws.com"));
        JsonNode m = h.receive(url).get(0);
        assertThat(m.get("MessageId").asText()).isEqualTo(id);
        assertThat(m.at("/Attributes/SenderId").asText()).isEqualTo("sns.amazonaws.com");
        assertThat(m.at("/MessageAttributes/k/StringValue").asText()).isEqualTo("v");
        assertThat(m.at("/MessageAttributes/b/BinaryValue").asText()).isEqualTo("CQ==");

        String fifo = h.createFifo("f.fifo");
        String fifoArn = h.attribute(fifo, "QueueArn");
        assertThat(h.sqs.queueSink().isFifo(fifoArn)).isTrue();
        AwsException missingGroup = catchThrowableOfType(AwsException.class, () -> h.sqs.queueSink().send(fifoArn,
                new QueueMessage("x", Map.of(), null, "d", "s")));
        assertThat(missingGroup.error()).isEqualTo(SqsErrors.MISSING_PARAMETER);
        h.sqs.queueSink().send(fifoArn, new QueueMessage("x", Map.of(), "g", "d", "s"));
        assertThat(h.receive(fifo)).hasSize(1);
    }

    @Test
    void aTraceHeaderBecomesTheMessagesAwsTraceHeader() {
        String arn = h.attribute(url, "QueueArn");
        String trace = "Root=1-3152b799-8954dae64eda91bc9a23a7e8;Parent=7fa8c0f79203be72;Sampled=1";
        h.sqs.queueSink().send(arn, new QueueMessage("traced", Map.of(), null, null, "s3", trace));
        h.sqs.queueSink().send(arn, new QueueMessage("untraced", Map.of(), null, null, "s3", ""));
        List<JsonNode> got = new ArrayList<>();
        h.receive(url).forEach(got::add);
        assertThat(got).extracting(m -> m.at("/Body").asText() + " " + m.at("/Attributes/AWSTraceHeader").asText("-"))
                .containsExactlyInAnyOrder("traced " + trace, "untraced -");
    }
}
