package io.mailroom.it;

import static io.mailroom.it.FrozenClock.advance;
import static io.mailroom.it.Sqs.CLIENT;
import static io.mailroom.it.Sqs.assertGenericError;
import static io.mailroom.it.Sqs.assertSqsError;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import software.amazon.awssdk.services.sqs.model.ListMessageMoveTasksResultEntry;
import software.amazon.awssdk.services.sqs.model.Message;
import software.amazon.awssdk.services.sqs.model.ResourceNotFoundException;
import software.amazon.awssdk.services.sqs.model.SqsException;

/**
 * StartMessageMoveTask, ListMessageMoveTasks and CancelMessageMoveTask. Tasks move at their rate as the
 * (frozen) clock is advanced.
 */
@ExtendWith(FrozenClock.class)
class SqsMoveTaskIT {
    private static final String P = "SqsMoveTaskIT";

    /** A dead-letter queue, and the sources whose messages it holds. */
    private record Setup(String dlq, String dlqArn, String source1, String source2) {
    }

    /** Three messages dead-lettered from source1, two from source2. */
    private static Setup deadLettered() {
        String dlq = Sqs.create(Sqs.name(P + "-dlq"));
        String source1 = SqsRedriveIT.sourceWithDlq(Sqs.name(P + "-a"), dlq, 1);
        String source2 = SqsRedriveIT.sourceWithDlq(Sqs.name(P + "-b"), dlq, 1);
        for (int i = 0; i < 3; i++) {
            Sqs.send(source1, "a" + i);
        }
        for (int i = 0; i < 2; i++) {
            Sqs.send(source2, "b" + i);
        }
        assertThat(Sqs.receive(source1, 10)).hasSize(3);
        assertThat(Sqs.receive(source2, 10)).hasSize(2);
        advance(Duration.ofSeconds(30));
        Sqs.assertEmpty(source1);
        Sqs.assertEmpty(source2);
        assertThat(Sqs.counts(dlq)).containsExactly(5, 0, 0);
        return new Setup(dlq, Sqs.arnOf(dlq), source1, source2);
    }

    private static ListMessageMoveTasksResultEntry latest(String sourceArn) {
        List<ListMessageMoveTasksResultEntry> results = CLIENT.listMessageMoveTasks(b -> b.sourceArn(sourceArn)).results();
        assertThat(results).hasSize(1);
        return results.get(0);
    }

    @Test
    void aMoveTaskRedrivesMessagesBackToTheirSourceQueuesAtItsRate() {
        Setup s = deadLettered();
        long startedAt = FrozenClock.clock().millis();
        String handle = CLIENT.startMessageMoveTask(b -> b.sourceArn(s.dlqArn()).maxNumberOfMessagesPerSecond(1)).taskHandle();
        assertThat(handle).isNotBlank();

        ListMessageMoveTasksResultEntry running = latest(s.dlqArn());
        assertThat(running.status()).isEqualTo("RUNNING");
        assertThat(running.taskHandle()).isEqualTo(handle);
        assertThat(running.sourceArn()).isEqualTo(s.dlqArn());
        assertThat(running.destinationArn()).isNull();
        assertThat(running.maxNumberOfMessagesPerSecond()).isEqualTo(1);
        assertThat(running.approximateNumberOfMessagesToMove()).isEqualTo(5);
        assertThat(running.approximateNumberOfMessagesMoved()).isZero();
        assertThat(running.startedTimestamp()).isEqualTo(startedAt);

        advance(Duration.ofSeconds(2));
        assertThat(latest(s.dlqArn()).approximateNumberOfMessagesMoved()).isEqualTo(2);
        assertThat(Sqs.count(s.dlq(), software.amazon.awssdk.services.sqs.model.QueueAttributeName.APPROXIMATE_NUMBER_OF_MESSAGES))
                .isEqualTo(3);

        advance(Duration.ofSeconds(10));
        ListMessageMoveTasksResultEntry done = latest(s.dlqArn());
        assertThat(done.status()).isEqualTo("COMPLETED");
        assertThat(done.approximateNumberOfMessagesMoved()).isEqualTo(5);
        assertThat(done.taskHandle()).as("only running tasks have a handle").isNull();
        assertThat(Sqs.counts(s.dlq())).containsExactly(0, 0, 0);
        assertThat(Sqs.receive(s.source1(), 10)).extracting(Message::body).containsExactlyInAnyOrder("a0", "a1", "a2");
        assertThat(Sqs.receive(s.source2(), 10)).extracting(Message::body).containsExactlyInAnyOrder("b0", "b1");
    }

    @Test
    void aMoveTaskWithADestinationMovesEverythingThere() {
        Setup s = deadLettered();
        String destination = Sqs.create(Sqs.name(P + "-dest"));
        String destinationArn = Sqs.arnOf(destination);
        CLIENT.startMessageMoveTask(b -> b.sourceArn(s.dlqArn()).destinationArn(destinationArn));
        assertThat(latest(s.dlqArn()).destinationArn()).isEqualTo(destinationArn);

        advance(Duration.ofSeconds(1));
        assertThat(latest(s.dlqArn()).status()).isEqualTo("COMPLETED");
        assertThat(Sqs.receive(destination, 10)).extracting(Message::body)
                .containsExactlyInAnyOrder("a0", "a1", "a2", "b0", "b1");
        Sqs.assertEmpty(s.source1());
    }

    @Test
    void cancellingAMoveTaskStopsIt() {
        Setup s = deadLettered();
        String handle = CLIENT.startMessageMoveTask(b -> b.sourceArn(s.dlqArn()).maxNumberOfMessagesPerSecond(1)).taskHandle();
        advance(Duration.ofSeconds(1));

        long moved = CLIENT.cancelMessageMoveTask(b -> b.taskHandle(handle)).approximateNumberOfMessagesMoved();
        assertThat(moved).isEqualTo(1);
        assertThat(latest(s.dlqArn()).status()).isIn("CANCELLING", "CANCELLED");

        advance(Duration.ofSeconds(10));
        assertThat(latest(s.dlqArn()).status()).isEqualTo("CANCELLED");
        assertThat(Sqs.counts(s.dlq())).containsExactly(4, 0, 0);

        SqsException again = catchThrowableOfType(SqsException.class, () -> CLIENT.cancelMessageMoveTask(b -> b.taskHandle(handle)));
        assertThat(again).as("a cancelled task cannot be cancelled again").isNotNull();
        assertThat(again.statusCode()).isBetween(400, 499);
    }

    @Test
    void onlyOneTaskMayRunPerSourceAndTheMostRecentAreListedFirst() {
        Setup s = deadLettered();
        CLIENT.startMessageMoveTask(b -> b.sourceArn(s.dlqArn()).maxNumberOfMessagesPerSecond(1));
        assertGenericError("InvalidParameterValue", () -> CLIENT.startMessageMoveTask(b -> b.sourceArn(s.dlqArn())));

        advance(Duration.ofSeconds(10));
        CLIENT.startMessageMoveTask(b -> b.sourceArn(s.dlqArn()).maxNumberOfMessagesPerSecond(7));

        List<ListMessageMoveTasksResultEntry> results = CLIENT.listMessageMoveTasks(b -> b.sourceArn(s.dlqArn()).maxResults(10))
                .results();
        assertThat(results).hasSize(2);
        assertThat(results.get(0).maxNumberOfMessagesPerSecond()).isEqualTo(7);
        assertThat(results.get(1).status()).isEqualTo("COMPLETED");
        assertThat(CLIENT.listMessageMoveTasks(b -> b.sourceArn(s.dlqArn())).results()).as("MaxResults defaults to 1").hasSize(1);
        advance(Duration.ofSeconds(1));
        assertThat(latest(s.dlqArn()).status()).as("nothing left to move").isEqualTo("COMPLETED");
    }

    @Test
    void moveTaskErrors() {
        String notADlq = Sqs.create(Sqs.name(P));
        assertGenericError("InvalidParameterValue", () -> CLIENT.startMessageMoveTask(b -> b.sourceArn(Sqs.arnOf(notADlq))));
        assertSqsError(ResourceNotFoundException.class, "ResourceNotFoundException", 404,
                () -> CLIENT.startMessageMoveTask(b -> b.sourceArn(Sqs.arn(Sqs.name("missing")))));
        assertSqsError(ResourceNotFoundException.class, "ResourceNotFoundException", 404,
                () -> CLIENT.listMessageMoveTasks(b -> b.sourceArn(Sqs.arn(Sqs.name("missing")))));
        assertGenericError("InvalidParameterValue", () -> CLIENT.startMessageMoveTask(b -> b.sourceArn("not-an-arn")));

        Setup s = deadLettered();
        assertSqsError(ResourceNotFoundException.class, "ResourceNotFoundException", 404,
                () -> CLIENT.startMessageMoveTask(b -> b.sourceArn(s.dlqArn()).destinationArn(Sqs.arn(Sqs.name("missing")))));
        assertGenericError("InvalidParameterValue",
                () -> CLIENT.startMessageMoveTask(b -> b.sourceArn(s.dlqArn()).maxNumberOfMessagesPerSecond(501)));
        assertGenericError("InvalidParameterValue",
                () -> CLIENT.startMessageMoveTask(b -> b.sourceArn(s.dlqArn()).maxNumberOfMessagesPerSecond(0)));
        assertGenericError("InvalidParameterValue", () -> CLIENT.listMessageMoveTasks(b -> b.sourceArn(s.dlqArn()).maxResults(11)));
        assertThat(CLIENT.listMessageMoveTasks(b -> b.sourceArn(s.dlqArn())).results()).isEmpty();
        SqsException badHandle = catchThrowableOfType(SqsException.class,
                () -> CLIENT.cancelMessageMoveTask(b -> b.taskHandle("not-a-task-handle")));
        assertThat(badHandle).isNotNull();
        assertThat(badHandle.statusCode()).isBetween(400, 499);
        assertThat(Sqs.counts(s.dlq())).containsExactly(5, 0, 0);
    }
}
