package io.mailroom.it;

import static io.mailroom.it.FrozenClock.advance;
import static io.mailroom.it.Sqs.CLIENT;
import static io.mailroom.it.Sqs.assertGenericError;
import static io.mailroom.it.Sqs.assertSqsError;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import software.amazon.awssdk.services.sqs.model.Message;
import software.amazon.awssdk.services.sqs.model.MessageNotInflightException;
import software.amazon.awssdk.services.sqs.model.MessageSystemAttributeName;
import software.amazon.awssdk.services.sqs.model.QueueAttributeName;
import software.amazon.awssdk.services.sqs.model.ReceiptHandleIsInvalidException;

/**
 * Visibility timeouts, delays and retention, crossed by moving the server's clock instead of waiting.
 * Every test runs on a frozen clock.
 */
@ExtendWith(FrozenClock.class)
class SqsVisibilityIT {
    private static final String P = "SqsVisibilityIT";

    private static void changeVisibility(String url, Message m, int seconds) {
        CLIENT.changeMessageVisibility(b -> b.queueUrl(url).receiptHandle(m.receiptHandle()).visibilityTimeout(seconds));
    }

    private static int receiveCount(Message m) {
        return Integer.parseInt(m.attributes().get(MessageSystemAttributeName.APPROXIMATE_RECEIVE_COUNT));
    }

    @Test
    void aReceivedMessageIsHiddenForTheQueuesVisibilityTimeout() {
        String url = Sqs.create(Sqs.name(P));
        Sqs.send(url, "hide and seek");
        Message first = Sqs.receiveOne(url);
        assertThat(Sqs.counts(url)).containsExactly(0, 1, 0);

        advance(Duration.ofSeconds(29));
        Sqs.assertEmpty(url);
        advance(Duration.ofSeconds(1));
        assertThat(Sqs.counts(url)).containsExactly(1, 0, 0);
        Message second = Sqs.receiveOne(url);
        assertThat(second.messageId()).isEqualTo(first.messageId());
        assertThat(receiveCount(second)).isEqualTo(2);
    }

    @Test
    void aTwelveHourVisibilityTimeoutIsCrossedInOneStep() {
        String url = Sqs.create(Sqs.name(P), Map.of(QueueAttributeName.VISIBILITY_TIMEOUT, "43200"));
        Sqs.send(url, "see you tomorrow");
        Sqs.receiveOne(url);

        advance(Duration.ofHours(12).minusSeconds(1));
        Sqs.assertEmpty(url);
        advance(Duration.ofSeconds(1));
        assertThat(Sqs.receiveOne(url).body()).isEqualTo("see you tomorrow");
    }

    @Test
    void aTwelveHourReceiveVisibilityTimeoutIsCrossedInOneCall() {
        String url = Sqs.create(Sqs.name(P));
        Sqs.send(url, "long job");
        CLIENT.receiveMessage(b -> b.queueUrl(url).visibilityTimeout(43200)).messages().get(0);

        advance(Duration.ofHours(12));
        assertThat(receiveCount(Sqs.receiveOne(url))).isEqualTo(2);
    }

    @Test
    void changeMessageVisibilityExtendsOrEndsTheTimeout() {
        String url = Sqs.create(Sqs.name(P));
        Sqs.send(url, "extend");
        Message m = Sqs.receiveOne(url);

        changeVisibility(url, m, 600);
        advance(Duration.ofSeconds(599));
        Sqs.assertEmpty(url);
        changeVisibility(url, m, 0);
        Message again = Sqs.receiveOne(url);
        assertThat(again.messageId()).isEqualTo(m.messageId());

        changeVisibility(url, again, 5);
        advance(Duration.ofSeconds(5));
        assertThat(Sqs.receiveOne(url).messageId()).isEqualTo(m.messageId());
    }

    @Test
    void theVisibilityTimeoutMayNotExceedTwelveHoursFromTheReceive() {
        String url = Sqs.create(Sqs.name(P));
        Sqs.send(url, "limits");
        Message m = Sqs.receiveOne(url);
        changeVisibility(url, m, 43200);
        advance(Duration.ofHours(1));
        assertGenericError("InvalidParameterValue", () -> changeVisibility(url, m, 43200));
        changeVisibility(url, m, 39600);
        assertGenericError("InvalidParameterValue", () -> changeVisibility(url, m, 43201));
        assertGenericError("InvalidParameterValue", () -> changeVisibility(url, m, -1));
    }

    @Test
    void changingTheVisibilityOfAMessageNoLongerInFlightIsMessageNotInflight() {
        String url = Sqs.create(Sqs.name(P));
        Sqs.send(url, "not in flight");
        Message m = CLIENT.receiveMessage(b -> b.queueUrl(url).visibilityTimeout(10)).messages().get(0);
        advance(Duration.ofSeconds(10));

        assertSqsError(MessageNotInflightException.class, "AWS.SimpleQueueService.MessageNotInflight", 400,
                () -> changeVisibility(url, m, 60));
    }

    @Test
    void receiptHandlesThatAreNotHandlesOfTheQueueAreInvalid() {
        String url = Sqs.create(Sqs.name(P));
        String other = Sqs.create(Sqs.name(P));
        Sqs.send(other, "elsewhere");
        Message foreign = Sqs.receiveOne(other);

        for (String handle : new String[] {"garbage", "", foreign.receiptHandle()}) {
            assertSqsError(ReceiptHandleIsInvalidException.class, "ReceiptHandleIsInvalid", 404,
                    () -> CLIENT.deleteMessage(b -> b.queueUrl(url).receiptHandle(handle)));
            assertSqsError(ReceiptHandleIsInvalidException.class, "ReceiptHandleIsInvalid", 404,
                    () -> CLIENT.changeMessageVisibility(b -> b.queueUrl(url).receiptHandle(handle).visibilityTimeout(5)));
        }
        assertThat(Sqs.counts(other)).containsExactly(0, 1, 0);
    }

    @Test
    void deletingWithAnOldReceiptHandleOfAStandardQueueSucceedsButKeepsTheMessage() {
        String url = Sqs.create(Sqs.name(P));
        Sqs.send(url, "received twice");
        Message first = Sqs.receiveOne(url);
        advance(Duration.ofSeconds(30));
        Message second = Sqs.receiveOne(url);

        Sqs.delete(url, first);
        assertThat(Sqs.counts(url)).as("the stale handle deleted nothing").containsExactly(0, 1, 0);
        Sqs.delete(url, second);
        assertThat(Sqs.counts(url)).containsExactly(0, 0, 0);
        Sqs.delete(url, second);
    }

    @Test
    void aFifteenMinuteDelayIsCrossedInOneStep() {
        String url = Sqs.create(Sqs.name(P));
        CLIENT.sendMessage(b -> b.queueUrl(url).messageBody("delayed").delaySeconds(900));
        assertThat(Sqs.counts(url)).containsExactly(0, 0, 1);
        Sqs.assertEmpty(url);

        advance(Duration.ofMinutes(15));
        assertThat(Sqs.counts(url)).containsExactly(1, 0, 0);
        assertThat(Sqs.receiveOne(url).body()).isEqualTo("delayed");
    }

    @Test
    void theQueueDelayAppliesUnlessTheMessageSetsItsOwn() {
        String url = Sqs.create(Sqs.name(P), Map.of(QueueAttributeName.DELAY_SECONDS, "60",
                QueueAttributeName.VISIBILITY_TIMEOUT, "43200"));
        Sqs.send(url, "queue delay");
        CLIENT.sendMessage(b -> b.queueUrl(url).messageBody("no delay").delaySeconds(0));
        CLIENT.sendMessage(b -> b.queueUrl(url).messageBody("longer delay").delaySeconds(120));
        assertThat(Sqs.receive(url, 10)).extracting(Message::body).containsExactly("no delay");

        advance(Duration.ofSeconds(60));
        assertThat(Sqs.receive(url, 10)).extracting(Message::body).containsExactly("queue delay");
        advance(Duration.ofSeconds(60));
        assertThat(Sqs.receive(url, 10)).extracting(Message::body).containsExactly("longer delay");
    }

    @Test
    void changingTheQueueDelayDoesNotAffectMessagesAlreadyDelayedOnAStandardQueue() {
        String url = Sqs.create(Sqs.name(P), Map.of(QueueAttributeName.DELAY_SECONDS, "600",
                QueueAttributeName.VISIBILITY_TIMEOUT, "43200"));
        Sqs.send(url, "sent under the old delay");
        CLIENT.setQueueAttributes(b -> b.queueUrl(url).attributes(Map.of(QueueAttributeName.DELAY_SECONDS, "0")));
        Sqs.send(url, "sent under the new delay");
        assertThat(Sqs.receive(url, 10)).extracting(Message::body).containsExactly("sent under the new delay");
        advance(Duration.ofSeconds(600));
        assertThat(Sqs.receive(url, 10)).extracting(Message::body).containsExactly("sent under the old delay");
    }

    @Test
    void messagesExpireAfterTheRetentionPeriod() {
        String url = Sqs.create(Sqs.name(P), Map.of(QueueAttributeName.MESSAGE_RETENTION_PERIOD, "60"));
        Sqs.send(url, "expires");
        advance(Duration.ofSeconds(30));
        Sqs.send(url, "expires later");
        Sqs.receiveOne(url);

        advance(Duration.ofSeconds(30));
        assertThat(Sqs.counts(url).stream().mapToInt(Integer::intValue).sum()).isEqualTo(1);
        advance(Duration.ofSeconds(30));
        assertThat(Sqs.counts(url)).containsExactly(0, 0, 0);
        Sqs.assertEmpty(url);
    }

    @Test
    void reducingTheRetentionPeriodExpiresOlderMessages() {
        String url = Sqs.create(Sqs.name(P));
        Sqs.send(url, "old");
        advance(Duration.ofMinutes(10));
        Sqs.send(url, "new");
        CLIENT.setQueueAttributes(b -> b.queueUrl(url).attributes(Map.of(QueueAttributeName.MESSAGE_RETENTION_PERIOD, "300")));
        assertThat(Sqs.receive(url, 10)).extracting(Message::body).containsExactly("new");
    }

    @Test
    void theDefaultRetentionIsFourDays() {
        String url = Sqs.create(Sqs.name(P));
        Sqs.send(url, "four days");
        advance(Duration.ofDays(4).minusSeconds(1));
        assertThat(Sqs.counts(url)).containsExactly(1, 0, 0);
        advance(Duration.ofSeconds(1));
        assertThat(Sqs.counts(url)).containsExactly(0, 0, 0);
    }
}
