package io.mailroom.it;

import static io.mailroom.it.Queues.assertGenericError;
import static io.mailroom.it.Queues.assertSqsError;
import static org.assertj.core.api.Assertions.assertThat;

import io.mailroom.core.time.ServerClock;
import io.mailroom.junit5.MailroomExtension;
import java.net.URI;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.model.Message;
import software.amazon.awssdk.services.sqs.model.MessageSystemAttributeName;
import software.amazon.awssdk.services.sqs.model.QueueAttributeName;
import software.amazon.awssdk.services.sqs.model.ReceiptHandleIsInvalidException;

/**
 * Visibility timeouts, delays and retention, crossed by moving the server's clock instead of waiting.
 * Every test runs on a frozen clock; the extension puts it back on system time after each test.
 */
@ExtendWith(MailroomExtension.class)
class SqsVisibilityIT {
    private static final String P = "SqsVisibilityIT";
    private final SqsClient sqs;
    private final Queues queues;
    private final ServerClock clock;

    SqsVisibilityIT(SqsClient sqs, URI endpoint, ServerClock clock) {
        this.sqs = sqs;
        this.queues = new Queues(sqs, endpoint);
        this.clock = clock;
    }

    @BeforeEach
    void freeze() {
        clock.freeze();
    }

    private void changeVisibility(String url, Message m, int seconds) {
        sqs.changeMessageVisibility(b -> b.queueUrl(url).receiptHandle(m.receiptHandle()).visibilityTimeout(seconds));
    }

    private static int receiveCount(Message m) {
        return Integer.parseInt(m.attributes().get(MessageSystemAttributeName.APPROXIMATE_RECEIVE_COUNT));
    }

    @Test
    void aReceivedMessageIsHiddenForTheQueuesVisibilityTimeout() {
        String url = queues.create(Queues.name(P));
        queues.send(url, "hide and seek");
        Message first = queues.receiveOne(url);
        assertThat(queues.counts(url)).containsExactly(0, 1, 0);

        clock.advance(Duration.ofSeconds(29));
        queues.assertEmpty(url);
        clock.advance(Duration.ofSeconds(1));
        assertThat(queues.counts(url)).containsExactly(1, 0, 0);
        Message second = queues.receiveOne(url);
        assertThat(second.messageId()).isEqualTo(first.messageId());
        assertThat(receiveCount(second)).isEqualTo(2);
    }

    @Test
    void aTwelveHourVisibilityTimeoutIsCrossedInOneStep() {
        String url = queues.create(Queues.name(P), Map.of(QueueAttributeName.VISIBILITY_TIMEOUT, "43200"));
        queues.send(url, "see you tomorrow");
        queues.receiveOne(url);

        clock.advance(Duration.ofHours(12).minusSeconds(1));
        queues.assertEmpty(url);
        clock.advance(Duration.ofSeconds(1));
        assertThat(queues.receiveOne(url).body()).isEqualTo("see you tomorrow");
    }

    @Test
    void aTwelveHourReceiveVisibilityTimeoutIsCrossedInOneCall() {
        String url = queues.create(Queues.name(P));
        queues.send(url, "long job");
        sqs.receiveMessage(b -> b.queueUrl(url).visibilityTimeout(43200)).messages().get(0);

        clock.advance(Duration.ofHours(12));
        assertThat(receiveCount(queues.receiveOne(url))).isEqualTo(2);
    }

    @Test
    void changeMessageVisibilityExtendsOrEndsTheTimeout() {
        String url = queues.create(Queues.name(P));
        queues.send(url, "extend");
        Message m = queues.receiveOne(url);

        changeVisibility(url, m, 600);
        clock.advance(Duration.ofSeconds(599));
        queues.assertEmpty(url);
        changeVisibility(url, m, 0);
        Message again = queues.receiveOne(url);
        assertThat(again.messageId()).isEqualTo(m.messageId());

        changeVisibility(url, again, 5);
        clock.advance(Duration.ofSeconds(5));
        assertThat(queues.receiveOne(url).messageId()).isEqualTo(m.messageId());
    }

    @Test
    void theVisibilityTimeoutMayNotExceedTwelveHoursFromTheReceive() {
        String url = queues.create(Queues.name(P));
        queues.send(url, "limits");
        Message m = queues.receiveOne(url);
        changeVisibility(url, m, 43200);
        clock.advance(Duration.ofHours(1));
        assertGenericError("InvalidParameterValue", () -> changeVisibility(url, m, 43200));
        changeVisibility(url, m, 39600);
        assertGenericError("InvalidParameterValue", () -> changeVisibility(url, m, 43201));
        assertGenericError("InvalidParameterValue", () -> changeVisibility(url, m, -1));
    }

    @Test
    void changingTheVisibilityOfAMessageNoLongerInFlightChangesNothing() {
        String url = queues.create(Queues.name(P));
        queues.send(url, "not in flight");
        Message m = sqs.receiveMessage(b -> b.queueUrl(url).visibilityTimeout(10)).messages().get(0);
        clock.advance(Duration.ofSeconds(10));

        changeVisibility(url, m, 60);

        assertThat(sqs.receiveMessage(b -> b.queueUrl(url)).messages()).extracting(Message::body)
                .containsExactly("not in flight");
    }

    @Test
    void receiptHandlesThatAreNotHandlesOfTheQueueAreInvalid() {
        String url = queues.create(Queues.name(P));
        String other = queues.create(Queues.name(P));
        queues.send(other, "elsewhere");
        Message foreign = queues.receiveOne(other);

        for (String handle : new String[] {"garbage", "", foreign.receiptHandle()}) {
            assertSqsError(ReceiptHandleIsInvalidException.class, "ReceiptHandleIsInvalid", 404,
                    () -> sqs.deleteMessage(b -> b.queueUrl(url).receiptHandle(handle)));
            assertSqsError(ReceiptHandleIsInvalidException.class, "ReceiptHandleIsInvalid", 404,
                    () -> sqs.changeMessageVisibility(b -> b.queueUrl(url).receiptHandle(handle).visibilityTimeout(5)));
        }
        assertThat(queues.counts(other)).containsExactly(0, 1, 0);
    }

    @Test
    void deletingWithAnOldReceiptHandleOfAStandardQueueSucceedsButKeepsTheMessage() {
        String url = queues.create(Queues.name(P));
        queues.send(url, "received twice");
        Message first = queues.receiveOne(url);
        clock.advance(Duration.ofSeconds(30));
        Message second = queues.receiveOne(url);

        queues.delete(url, first);
        assertThat(queues.counts(url)).as("the stale handle deleted nothing").containsExactly(0, 1, 0);
        queues.delete(url, second);
        assertThat(queues.counts(url)).containsExactly(0, 0, 0);
        queues.delete(url, second);
    }

    @Test
    void aFifteenMinuteDelayIsCrossedInOneStep() {
        String url = queues.create(Queues.name(P));
        sqs.sendMessage(b -> b.queueUrl(url).messageBody("delayed").delaySeconds(900));
        assertThat(queues.counts(url)).containsExactly(0, 0, 1);
        queues.assertEmpty(url);

        clock.advance(Duration.ofMinutes(15));
        assertThat(queues.counts(url)).containsExactly(1, 0, 0);
        assertThat(queues.receiveOne(url).body()).isEqualTo("delayed");
    }

    @Test
    void theQueueDelayAppliesUnlessTheMessageSetsItsOwn() {
        String url = queues.create(Queues.name(P), Map.of(QueueAttributeName.DELAY_SECONDS, "60",
                QueueAttributeName.VISIBILITY_TIMEOUT, "43200"));
        queues.send(url, "queue delay");
        sqs.sendMessage(b -> b.queueUrl(url).messageBody("no delay").delaySeconds(0));
        sqs.sendMessage(b -> b.queueUrl(url).messageBody("longer delay").delaySeconds(120));
        assertThat(queues.receive(url, 10)).extracting(Message::body).containsExactly("no delay");

        clock.advance(Duration.ofSeconds(60));
        assertThat(queues.receive(url, 10)).extracting(Message::body).containsExactly("queue delay");
        clock.advance(Duration.ofSeconds(60));
        assertThat(queues.receive(url, 10)).extracting(Message::body).containsExactly("longer delay");
    }

    @Test
    void changingTheQueueDelayDoesNotAffectMessagesAlreadyDelayedOnAStandardQueue() {
        String url = queues.create(Queues.name(P), Map.of(QueueAttributeName.DELAY_SECONDS, "600",
                QueueAttributeName.VISIBILITY_TIMEOUT, "43200"));
        queues.send(url, "sent under the old delay");
        sqs.setQueueAttributes(b -> b.queueUrl(url).attributes(Map.of(QueueAttributeName.DELAY_SECONDS, "0")));
        queues.send(url, "sent under the new delay");
        assertThat(queues.receive(url, 10)).extracting(Message::body).containsExactly("sent under the new delay");
        clock.advance(Duration.ofSeconds(600));
        assertThat(queues.receive(url, 10)).extracting(Message::body).containsExactly("sent under the old delay");
    }

    @Test
    void messagesExpireAfterTheRetentionPeriod() {
        String url = queues.create(Queues.name(P), Map.of(QueueAttributeName.MESSAGE_RETENTION_PERIOD, "60"));
        queues.send(url, "expires");
        clock.advance(Duration.ofSeconds(30));
        queues.send(url, "expires later");
        queues.receiveOne(url);

        clock.advance(Duration.ofSeconds(30));
        assertThat(queues.counts(url).stream().mapToInt(Integer::intValue).sum()).isEqualTo(1);
        clock.advance(Duration.ofSeconds(30));
        assertThat(queues.counts(url)).containsExactly(0, 0, 0);
        queues.assertEmpty(url);
    }

    @Test
    void reducingTheRetentionPeriodExpiresOlderMessages() {
        String url = queues.create(Queues.name(P));
        queues.send(url, "old");
        clock.advance(Duration.ofMinutes(10));
        queues.send(url, "new");
        sqs.setQueueAttributes(b -> b.queueUrl(url).attributes(Map.of(QueueAttributeName.MESSAGE_RETENTION_PERIOD, "300")));
        assertThat(queues.receive(url, 10)).extracting(Message::body).containsExactly("new");
    }

    @Test
    void theDefaultRetentionIsFourDays() {
        String url = queues.create(Queues.name(P));
        queues.send(url, "four days");
        clock.advance(Duration.ofDays(4).minusSeconds(1));
        assertThat(queues.counts(url)).containsExactly(1, 0, 0);
        clock.advance(Duration.ofSeconds(1));
        assertThat(queues.counts(url)).containsExactly(0, 0, 0);
    }
}
