package io.mailroom.sqs;

import static io.mailroom.sqs.SqsHarness.obj;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.mailroom.core.time.Cancellable;
import io.mailroom.core.time.Scheduler;
import io.mailroom.sqs.message.MessageState;
import io.mailroom.sqs.move.MoveTaskStatus;
import io.mailroom.sqs.move.MoveTaskView;
import io.mailroom.sqs.move.MoveTasks;
import io.mailroom.sqs.queue.InspectedMessage;
import io.mailroom.sqs.queue.Queue;
import io.mailroom.sqs.queue.QueueAddress;
import io.mailroom.sqs.queue.QueueDirectory;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Message move tasks when something goes wrong mid-way, and what they take from a FIFO dead-letter queue. */
class MoveTaskTest {
    private final SqsHarness h = new SqsHarness();
    private final String dlq = h.createQueue("dlq");
    private final String dlqArn = h.attribute(dlq, "QueueArn");

    /** Holds ticks until told to run them, as a busy machine does: a late tick then moves a whole batch. */
    private final List<Runnable> lateTicks = new ArrayList<>();
    private final Scheduler late = (at, task) -> {
        lateTicks.add(task);
        return () -> lateTicks.remove(task);
    };

    private String source(String name) {
        ObjectNode in = obj().put("QueueName", name);
        in.putObject("Attributes").put("VisibilityTimeout", "0").put("RedrivePolicy",
                "{\"deadLetterTargetArn\":\"" + dlqArn + "\",\"maxReceiveCount\":\"1\"}");
        return h.call("CreateQueue", in).get("QueueUrl").asText();
    }

    /** Sends {@code body} to {@code src} and receives it into the dead-letter queue. */
    private void poison(String src, String body) {
        h.send(src, body);
        h.receive(src);
        h.receive(src);
    }

    private Queue queue(String url) {
        return h.sqs.registry().require(QueueAddress.fromUrl(url, SqsHarness.REGION));
    }

    private List<String> bodies(String url) {
        List<String> found = new ArrayList<>();
        for (InspectedMessage m : queue(url).inspect()) {
            found.add(m.message().body().text());
        }
        return found;
    }

    private MoveTaskView runLate(MoveTasks tasks, String destinationArn) {
        tasks.start(queue(dlq), destinationArn, 10);
        h.advanceSeconds(10);
        while (!lateTicks.isEmpty()) {
            lateTicks.remove(0).run();
        }
        return tasks.list(queue(dlq), 1).get(0);
    }

    @Test
    void aMissingOriginalSourceFailsTheTaskAndTheRestOfTheBatchStaysInTheDeadLetterQueue() {
        String a = source("a");
        String b = source("b");
        poison(a, "a1");
        poison(b, "b1");
        poison(a, "a2");
        h.call("DeleteQueue", obj().put("QueueUrl", b));
        MoveTaskView task = runLate(new MoveTasks(h.clock, late, h.sqs.registry()), null);
        assertThat(task.status()).isEqualTo(MoveTaskStatus.FAILED);
        assertThat(task.failureReason()).isEqualTo("AWS.SimpleQueueService.NonExistentQueue");
        assertThat(task.moved()).isEqualTo(1);
        assertThat(bodies(a)).containsExactly("a1");
        assertThat(bodies(dlq)).containsExactly("b1", "a2");
        assertThat(h.attribute(dlq, "ApproximateNumberOfMessages")).isEqualTo("2");
    }

    @Test
    void aDestinationDeletedAfterTheTaskFoundItLosesNothing() {
        String src = source("src");
        String dest = h.createQueue("dest");
        Queue destination = queue(dest);
        poison(src, "m1");
        poison(src, "m2");
        poison(src, "m3");
        h.call("DeleteQueue", obj().put("QueueUrl", dest));
        // The directory still answers the deleted queue, as a lookup just before the deletion would.
        QueueDirectory stale = address -> destination;
        MoveTaskView task = runLate(new MoveTasks(h.clock, late, stale), destination.arn());
        assertThat(task.status()).isEqualTo(MoveTaskStatus.FAILED);
        assertThat(task.failureReason()).isEqualTo("AWS.SimpleQueueService.NonExistentQueue");
        assertThat(bodies(dlq)).containsExactly("m1", "m2", "m3");
        assertThat(h.attribute(dlq, "ApproximateNumberOfMessages")).isEqualTo("3");
    }

    @Test
    void aMessageLeftByAFailedTaskKeepsItsHistorySoALaterTaskSendsItHome() {
        String src = source("src");
        source("keeps-dlq-a-dlq");
        poison(src, "m");
        InspectedMessage before = queue(dlq).inspect().get(0);
        h.call("DeleteQueue", obj().put("QueueUrl", src));
        h.call("StartMessageMoveTask", obj().put("SourceArn", dlqArn));
        h.advanceSeconds(1);
        assertThat(h.call("ListMessageMoveTasks", obj().put("SourceArn", dlqArn)).at("/Results/0/Status").asText())
                .isEqualTo("FAILED");
        InspectedMessage after = queue(dlq).inspect().get(0);
        assertThat(after.message()).as("the same message, where it was").isSameAs(before.message());
        assertThat(after.state()).isEqualTo(MessageState.VISIBLE);
        assertThat(after.message().deadLetterSourceArn()).isEqualTo(before.message().deadLetterSourceArn());
        assertThat(after.message().sentAt()).isEqualTo(before.message().sentAt());
        assertThat(after.receiveCount()).isEqualTo(before.receiveCount());
        assertThat(after.firstReceivedAt()).isEqualTo(before.firstReceivedAt());

        h.advanceSeconds(60);
        String home = source("src");
        h.call("StartMessageMoveTask", obj().put("SourceArn", dlqArn));
        h.advanceSeconds(1);
        assertThat(h.call("ListMessageMoveTasks", obj().put("SourceArn", dlqArn)).at("/Results/0/Status").asText())
                .isEqualTo("COMPLETED");
        assertThat(bodies(home)).containsExactly("m");
        assertThat(bodies(dlq)).isEmpty();
    }

    @Test
    void aFifoTaskLeavesAGroupWhoseFirstMessageAConsumerHolds() {
        String fifoDlq = h.createFifo("dlq.fifo");
        String fifoDlqArn = h.attribute(fifoDlq, "QueueArn");
        ObjectNode in = obj().put("QueueName", "src.fifo");
        in.putObject("Attributes").put("FifoQueue", "true").put("RedrivePolicy",
                "{\"deadLetterTargetArn\":\"" + fifoDlqArn + "\",\"maxReceiveCount\":1}");
        h.call("CreateQueue", in);
        String dest = h.createFifo("dest.fifo");
        h.sendFifo(fifoDlq, "g1", "G", "1");
        h.sendFifo(fifoDlq, "g2", "G", "2");
        h.sendFifo(fifoDlq, "h1", "H", "3");
        h.sendFifo(fifoDlq, "g3", "G", "4");
        String held = h.call("ReceiveMessage", obj().put("QueueUrl", fifoDlq).put("MaxNumberOfMessages", 1)
                .put("VisibilityTimeout", 30)).at("/Messages/0/Body").asText();
        assertThat(held).isEqualTo("g1");
        ObjectNode start = obj().put("SourceArn", fifoDlqArn).put("DestinationArn", h.attribute(dest, "QueueArn"));
        h.call("StartMessageMoveTask", start);
        h.advanceSeconds(1);
        assertThat(bodies(dest)).containsExactly("h1");
        assertThat(bodies(fifoDlq)).containsExactly("g1", "g2", "g3");

        h.advanceSeconds(30);
        h.call("StartMessageMoveTask", start);
        h.advanceSeconds(1);
        assertThat(bodies(dest)).containsExactly("h1", "g1", "g2", "g3");
        JsonNode first = h.receive(dest, 10);
        assertThat(first.get(0).get("Body").asText()).isEqualTo("h1");
    }
}
