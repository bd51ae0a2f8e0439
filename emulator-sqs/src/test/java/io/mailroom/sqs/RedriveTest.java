package io.mailroom.sqs;

import static io.mailroom.sqs.SqsHarness.assertError;
import static io.mailroom.sqs.SqsHarness.obj;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class RedriveTest {
    private final SqsHarness h = new SqsHarness();
    private final String dlq = h.createQueue("dlq");
    private final String dlqArn = h.attribute(dlq, "QueueArn");

    private String redrive(String target, int max) {
        return "{\\\"deadLetterTargetArn\\\":\\\"" + target + "\\\",\\\"maxReceiveCount\\\":" + max + "}";
    }

    private String source(String name, int maxReceiveCount) {
        ObjectNode in = obj().put("QueueName", name);
        in.putObject("Attributes").put("RedrivePolicy",
                "{\"deadLetterTargetArn\":\"" + dlqArn + "\",\"maxReceiveCount\":\"" + maxReceiveCount + "\"}")
                .put("VisibilityTimeout", "0");
        return h.call("CreateQueue", in).get("QueueUrl").asText();
    }

    @Test
    void theReceiveThatWouldExceedMaxReceiveCountMovesTheMessageInstead() {
        String src = source("src", 2);
        String id = h.send(src, "poison").get("MessageId").asText();
        assertThat(h.receive(src)).hasSize(1);
        assertThat(h.receive(src)).hasSize(1);
        assertThat(h.receive(src)).isEmpty();
        assertThat(h.attribute(src, "ApproximateNumberOfMessages")).isEqualTo("0");
        JsonNode moved = h.receive(dlq).get(0);
        assertThat(moved.get("MessageId").asText()).isEqualTo(id);
        assertThat(moved.get("Body").asText()).isEqualTo("poison");
        assertThat(moved.at("/Attributes/DeadLetterQueueSourceArn").asText()).isEqualTo(h.attribute(src, "QueueArn"));
        assertThat(moved.at("/Attributes/ApproximateReceiveCount").asText()).isEqualTo("3");
        assertThat(h.attribute(src, "RedrivePolicy"))
                .isEqualTo("{\"deadLetterTargetArn\":\"" + dlqArn + "\",\"maxReceiveCount\":2}");
    }

    @Test
    void fifoMessagesMoveAndTheGroupContinues() {
        String fifoDlq = h.createFifo("dlq.fifo");
        String arn = h.attribute(fifoDlq, "QueueArn");
        ObjectNode in = obj().put("QueueName", "src.fifo");
        in.putObject("Attributes").put("FifoQueue", "true").put("VisibilityTimeout", "0")
                .put("RedrivePolicy", "{\"deadLetterTargetArn\":\"" + arn + "\",\"maxReceiveCount\":1}");
        String src = h.call("CreateQueue", in).get("QueueUrl").asText();
        h.sendFifo(src, "1", "G", "a");
        h.sendFifo(src, "2", "G", "b");
        assertThat(h.receive(src, 1).get(0).get("Body").asText()).isEqualTo("1");
        JsonNode next = h.receive(src, 1);
        assertThat(next.get(0).get("Body").asText()).isEqualTo("2");
        JsonNode moved = h.receive(fifoDlq, 10);
        assertThat(moved.get(0).get("Body").asText()).isEqualTo("1");
        assertThat(moved.get(0).at("/Attributes/MessageGroupId").asText()).isEqualTo("G");
    }

    @Test
    void redrivePolicyValidation() {
        String q = h.createQueue("q");
        assertError(h.error("SetQueueAttributes", "{'QueueUrl':'" + q + "','Attributes':{'RedrivePolicy':'"
                + redrive("arn:aws:sqs:us-east-1:000000000000:missing", 3) + "'}}"),
                SqsErrors.INVALID_PARAMETER_VALUE, "Reason: Dead letter target does not exist.");
        assertError(h.error("SetQueueAttributes", "{'QueueUrl':'" + q + "','Attributes':{'RedrivePolicy':'"
                + redrive("arn:aws:sqs:eu-west-1:000000000000:dlq", 3) + "'}}"),
                SqsErrors.INVALID_PARAMETER_VALUE, "Dead letter target does not exist.");
        // Not an SQS ARN: refused as such, before any look-up.
        assertError(h.error("SetQueueAttributes", "{'QueueUrl':'" + q + "','Attributes':{'RedrivePolicy':'"
                + redrive("dummy", 42) + "'}}"), SqsErrors.INVALID_PARAMETER_VALUE,
                "Value " + redrive("dummy", 42).replace("\\", "") + " for parameter RedrivePolicy is invalid."
                        + " Reason: Invalid value for deadLetterTargetArn.");
        assertError(h.error("SetQueueAttributes", "{'QueueUrl':'" + q + "','Attributes':{'RedrivePolicy':'"
                + redrive(dlqArn, 0) + "'}}"), SqsErrors.INVALID_PARAMETER_VALUE,
                "Invalid value for maxReceiveCount: 0, valid values are from 1 to 1000 both inclusive.");
        assertError(h.error("SetQueueAttributes", "{'QueueUrl':'" + q + "','Attributes':{'RedrivePolicy':'"
                + redrive(dlqArn, 1001) + "'}}"), SqsErrors.INVALID_PARAMETER_VALUE, "maxReceiveCount");
        assertError(h.error("SetQueueAttributes", "{'QueueUrl':'" + q + "','Attributes':{'RedrivePolicy':'{\\\"maxReceiveCount\\\":1}'}}"),
                SqsErrors.INVALID_PARAMETER_VALUE, "does not contain mandatory attribute: deadLetterTargetArn");
        assertError(h.error("SetQueueAttributes", "{'QueueUrl':'" + q + "','Attributes':{'RedrivePolicy':'not json'}}"),
                SqsErrors.INVALID_PARAMETER_VALUE, "RedrivePolicy");
        assertError(h.error("SetQueueAttributes", "{'QueueUrl':'" + q + "','Attributes':{'RedrivePolicy':'"
                + redrive(dlqArn, 3).replace("}", ",\\\"note\\\":\\\"x\\\"}") + "'}}"), SqsErrors.INVALID_PARAMETER_VALUE,
                "Reason: Only following attributes are supported: [maxReceiveCount, deadLetterTargetArn].");
        String fifoDlq = h.createFifo("f.fifo");
        assertError(h.error("SetQueueAttributes", "{'QueueUrl':'" + q + "','Attributes':{'RedrivePolicy':'"
                + redrive(h.attribute(fifoDlq, "QueueArn"), 3) + "'}}"), SqsErrors.INVALID_PARAMETER_VALUE,
                "Dead-letter queue must be same type of queue as the source.");
        h.call("SetQueueAttributes", "{'QueueUrl':'" + q + "','Attributes':{'RedrivePolicy':'" + redrive(dlqArn, 1000) + "'}}");
        h.call("SetQueueAttributes", "{'QueueUrl':'" + q + "','Attributes':{'RedrivePolicy':''}}");
        assertThat(h.attribute(q, "RedrivePolicy")).isNull();
    }

    @Test
    void redriveAllowPolicyIsEnforced() {
        String q = h.createQueue("q");
        String qArn = h.attribute(q, "QueueArn");
        h.call("SetQueueAttributes", "{'QueueUrl':'" + dlq + "','Attributes':{'RedriveAllowPolicy':'{\\\"redrivePermission\\\":\\\"denyAll\\\"}'}}");
        assertError(h.error("SetQueueAttributes", "{'QueueUrl':'" + q + "','Attributes':{'RedrivePolicy':'"
                + redrive(dlqArn, 3) + "'}}"), SqsErrors.INVALID_PARAMETER_VALUE, "RedriveAllowPolicy");
        h.call("SetQueueAttributes", "{'QueueUrl':'" + dlq + "','Attributes':{'RedriveAllowPolicy':'{\\\"redrivePermission\\\":\\\"byQueue\\\",\\\"sourceQueueArns\\\":[\\\"" + qArn + "\\\"]}'}}");
        h.call("SetQueueAttributes", "{'QueueUrl':'" + q + "','Attributes':{'RedrivePolicy':'" + redrive(dlqArn, 3) + "'}}");
        assertThat(h.attribute(dlq, "RedriveAllowPolicy"))
                .isEqualTo("{\"redrivePermission\":\"byQueue\",\"sourceQueueArns\":[\"" + qArn + "\"]}");
        StringBuilder eleven = new StringBuilder();
        for (int i = 0; i < 11; i++) {
            eleven.append(i == 0 ? "" : ",").append("\\\"arn:aws:sqs:us-east-1:000000000000:s").append(i).append("\\\"");
        }
        assertError(h.error("SetQueueAttributes", "{'QueueUrl':'" + dlq + "','Attributes':{'RedriveAllowPolicy':'{\\\"redrivePermission\\\":\\\"byQueue\\\",\\\"sourceQueueArns\\\":[" + eleven + "]}'}}"),
                SqsErrors.INVALID_PARAMETER_VALUE, "10");
        assertError(h.error("SetQueueAttributes", "{'QueueUrl':'" + dlq + "','Attributes':{'RedriveAllowPolicy':'{\\\"redrivePermission\\\":\\\"someone\\\"}'}}"),
                SqsErrors.INVALID_PARAMETER_VALUE, "unsupported format");
        assertError(h.error("SetQueueAttributes", "{'QueueUrl':'" + dlq + "','Attributes':{'RedriveAllowPolicy':'{\\\"redrivePermission\\\":\\\"allowAll\\\",\\\"note\\\":\\\"x\\\"}'}}"),
                SqsErrors.INVALID_PARAMETER_VALUE, "unsupported format");
        assertError(h.error("SetQueueAttributes", "{'QueueUrl':'" + dlq + "','Attributes':{'RedriveAllowPolicy':'{\\\"redrivePermission\\\":\\\"byQueue\\\",\\\"sourceQueueArns\\\":[1]}'}}"),
                SqsErrors.INVALID_PARAMETER_VALUE, "unsupported format");
        assertError(h.error("SetQueueAttributes", "{'QueueUrl':'" + dlq + "','Attributes':{'RedriveAllowPolicy':'{\\\"redrivePermission\\\":\\\"allowAll\\\",\\\"sourceQueueArns\\\":[]}'}}"),
                SqsErrors.INVALID_PARAMETER_VALUE, "byQueue");
    }

    @Test
    void listDeadLetterSourceQueuesPages() {
        for (int i = 0; i < 5; i++) {
            source("src" + i, 3);
        }
        h.createQueue("unrelated");
        JsonNode all = h.call("ListDeadLetterSourceQueues", obj().put("QueueUrl", dlq)).get("queueUrls");
        assertThat(all).hasSize(5);
        ObjectNode page = h.call("ListDeadLetterSourceQueues", obj().put("QueueUrl", dlq).put("MaxResults", 2));
        assertThat(page.get("queueUrls")).hasSize(2);
        ObjectNode page2 = h.call("ListDeadLetterSourceQueues", obj().put("QueueUrl", dlq).put("MaxResults", 2)
                .put("NextToken", page.get("NextToken").asText()));
        assertThat(page2.get("queueUrls").get(0).asText()).endsWith("/src2");
        String lonely = h.createQueue("lonely");
        assertThat(h.call("ListDeadLetterSourceQueues", obj().put("QueueUrl", lonely)).get("queueUrls")).isEmpty();
    }

    private void poisonInto(String src, int n) {
        for (int i = 0; i < n; i++) {
            h.send(src, "m" + i);
        }
        h.receive(src);
        h.receive(src);
        assertThat(h.attribute(dlq, "ApproximateNumberOfMessages")).isEqualTo(Integer.toString(n));
    }

    @Test
    void moveTaskRedrivesToTheOriginalSourceAtTheGivenRate() {
        String src = source("src", 1);
        poisonInto(src, 5);
        String handle = h.call("StartMessageMoveTask", obj().put("SourceArn", dlqArn)
                .put("MaxNumberOfMessagesPerSecond", 2)).get("TaskHandle").asText();
        JsonNode running = h.call("ListMessageMoveTasks", obj().put("SourceArn", dlqArn)).get("Results").get(0);
        assertThat(running.get("Status").asText()).isEqualTo("RUNNING");
        assertThat(running.get("TaskHandle").asText()).isEqualTo(handle);
        assertThat(running.get("ApproximateNumberOfMessagesToMove").asLong()).isEqualTo(5);
        assertThat(running.get("StartedTimestamp").asLong()).isEqualTo(h.clock.millis());
        h.advance(Duration.ofMillis(1000));
        assertThat(h.attribute(src, "ApproximateNumberOfMessages")).isEqualTo("2");
        assertThat(h.call("ListMessageMoveTasks", obj().put("SourceArn", dlqArn)).at("/Results/0/ApproximateNumberOfMessagesMoved").asLong())
                .isEqualTo(2);
        h.advance(Duration.ofMillis(1500));
        assertThat(h.attribute(src, "ApproximateNumberOfMessages")).isEqualTo("5");
        assertThat(h.attribute(dlq, "ApproximateNumberOfMessages")).isEqualTo("0");
        JsonNode done = h.call("ListMessageMoveTasks", obj().put("SourceArn", dlqArn)).get("Results").get(0);
        assertThat(done.get("Status").asText()).isEqualTo("COMPLETED");
        assertThat(done.has("TaskHandle")).isFalse();
        JsonNode back = h.receive(src).get(0);
        assertThat(back.at("/Attributes/ApproximateReceiveCount").asText()).isEqualTo("1");
        assertThat(back.at("/Attributes/DeadLetterQueueSourceArn").isMissingNode()).isTrue();
        assertThat(h.clock.pendingTasks()).isZero();
    }

    @Test
    void moveTaskToAnExplicitDestinationCanBeCancelled() {
        String src = source("src", 1);
        String dest = h.createQueue("dest");
        poisonInto(src, 4);
        String handle = h.call("StartMessageMoveTask", obj().put("SourceArn", dlqArn)
                .put("DestinationArn", h.attribute(dest, "QueueArn")).put("MaxNumberOfMessagesPerSecond", 1))
                .get("TaskHandle").asText();
        assertError(h.error("StartMessageMoveTask", obj().put("SourceArn", dlqArn)), SqsErrors.INVALID_PARAMETER_VALUE,
                "Only one active task is allowed");
        h.advanceSeconds(2);
        ObjectNode cancelled = h.call("CancelMessageMoveTask", obj().put("TaskHandle", handle));
        assertThat(cancelled.get("ApproximateNumberOfMessagesMoved").asLong()).isEqualTo(2);
        h.advanceSeconds(10);
        assertThat(h.attribute(dest, "ApproximateNumberOfMessages")).isEqualTo("2");
        assertThat(h.attribute(dlq, "ApproximateNumberOfMessages")).isEqualTo("2");
        JsonNode list = h.call("ListMessageMoveTasks", obj().put("SourceArn", dlqArn).put("MaxResults", 10)).get("Results");
        assertThat(list).hasSize(1);
        assertThat(list.get(0).get("Status").asText()).isEqualTo("CANCELLED");
        assertError(h.error("CancelMessageMoveTask", obj().put("TaskHandle", handle)), SqsErrors.INVALID_PARAMETER_VALUE,
                "RUNNING");
    }

    @Test
    void moveTaskValidation() {
        String plain = h.createQueue("plain");
        assertError(h.error("StartMessageMoveTask", obj().put("SourceArn", h.attribute(plain, "QueueArn"))),
                SqsErrors.INVALID_PARAMETER_VALUE, "Source queue must be configured as a Dead Letter Queue.");
        assertError(h.error("StartMessageMoveTask", obj().put("SourceArn", "arn:aws:sqs:us-east-1:000000000000:nope")),
                SqsErrors.RESOURCE_NOT_FOUND, "SourceArn parameter doesn't exist");
        assertError(h.error("StartMessageMoveTask", obj().put("SourceArn", "not-an-arn")),
                SqsErrors.INVALID_PARAMETER_VALUE, "You must use this format to specify the SourceArn");
        source("src", 1);
        assertError(h.error("StartMessageMoveTask", obj().put("SourceArn", dlqArn)
                .put("DestinationArn", "arn:aws:sqs:us-east-1:000000000000:nope")), SqsErrors.RESOURCE_NOT_FOUND,
                "DestinationArn");
        assertError(h.error("StartMessageMoveTask", obj().put("SourceArn", dlqArn).put("MaxNumberOfMessagesPerSecond", 501)),
                SqsErrors.INVALID_PARAMETER_VALUE, "MaxNumberOfMessagesPerSecond");
        assertError(h.error("CancelMessageMoveTask", obj().put("TaskHandle", "bogus")),
                SqsErrors.INVALID_PARAMETER_VALUE, "TaskHandle");
        assertError(h.error("ListMessageMoveTasks", obj().put("SourceArn", dlqArn).put("MaxResults", 11)),
                SqsErrors.INVALID_PARAMETER_VALUE, "MaxResults");
        assertThat(h.call("ListMessageMoveTasks", obj().put("SourceArn", dlqArn)).get("Results")).isEmpty();
    }

    @Test
    void moveTaskFailsWhenTheOriginalSourceIsGone() {
        String src = source("src", 1);
        source("keeps-dlq-a-dlq", 1);
        poisonInto(src, 1);
        h.call("DeleteQueue", obj().put("QueueUrl", src));
        h.call("StartMessageMoveTask", obj().put("SourceArn", dlqArn));
        h.advanceSeconds(1);
        JsonNode task = h.call("ListMessageMoveTasks", obj().put("SourceArn", dlqArn)).get("Results").get(0);
        assertThat(task.get("Status").asText()).isEqualTo("FAILED");
        assertThat(task.get("FailureReason").asText()).isEqualTo("AWS.SimpleQueueService.NonExistentQueue");
        assertThat(h.attribute(dlq, "ApproximateNumberOfMessages")).isEqualTo("1");
    }
}
