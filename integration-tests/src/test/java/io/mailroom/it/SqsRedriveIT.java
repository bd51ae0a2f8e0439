package io.mailroom.it;

import static io.mailroom.it.FrozenClock.advance;
import static io.mailroom.it.Sqs.CLIENT;
import static io.mailroom.it.Sqs.assertGenericError;
import static io.mailroom.it.Sqs.assertQueueDoesNotExist;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import software.amazon.awssdk.services.sqs.model.ListDeadLetterSourceQueuesRequest;
import software.amazon.awssdk.services.sqs.model.ListDeadLetterSourceQueuesResponse;
import software.amazon.awssdk.services.sqs.model.Message;
import software.amazon.awssdk.services.sqs.model.MessageAttributeValue;
import software.amazon.awssdk.services.sqs.model.MessageSystemAttributeName;
import software.amazon.awssdk.services.sqs.model.QueueAttributeName;

/** Dead-letter queues: redrive after maxReceiveCount, RedriveAllowPolicy, ListDeadLetterSourceQueues. */
@ExtendWith(FrozenClock.class)
class SqsRedriveIT {
    private static final String P = "SqsRedriveIT";

    static String redrivePolicy(String dlqArn, int maxReceiveCount) {
        return "{\"deadLetterTargetArn\":\"" + dlqArn + "\",\"maxReceiveCount\":" + maxReceiveCount + "}";
    }

    static String sourceWithDlq(String name, String dlqUrl, int maxReceiveCount) {
        return Sqs.create(name, Map.of(QueueAttributeName.REDRIVE_POLICY, redrivePolicy(Sqs.arnOf(dlqUrl), maxReceiveCount)));
    }

    @Test
    void aMessageReceivedMoreThanMaxReceiveCountTimesMovesToTheDeadLetterQueue() {
        String dlq = Sqs.create(Sqs.name(P + "-dlq"));
        String sourceName = Sqs.name(P);
        String source = sourceWithDlq(sourceName, dlq, 2);
        MessageAttributeValue attribute = MessageAttributeValue.builder().dataType("String").stringValue("kept").build();
        String id = CLIENT.sendMessage(b -> b.queueUrl(source).messageBody("poison").messageAttributes(Map.of("a", attribute)))
                .messageId();

        for (int receive = 1; receive <= 2; receive++) {
            Message m = Sqs.receiveOne(source);
            assertThat(m.attributes()).containsEntry(MessageSystemAttributeName.APPROXIMATE_RECEIVE_COUNT,
                    Integer.toString(receive));
            advance(Duration.ofSeconds(30));
        }
        Sqs.assertEmpty(source);
        assertThat(Sqs.counts(source)).containsExactly(0, 0, 0);

        Message dead = Sqs.receiveOne(dlq);
        assertThat(dead.messageId()).isEqualTo(id);
        assertThat(dead.body()).isEqualTo("poison");
        assertThat(dead.messageAttributes()).containsEntry("a", attribute);
        assertThat(dead.attributesAsStrings()).containsEntry("DeadLetterQueueSourceArn", Sqs.arn(sourceName));
    }

    /**
     * "For standard queues, the expiration of a message is always based on its original enqueue timestamp.
     * When a message is moved to a dead-letter queue, the enqueue timestamp is unchanged."
     */
    @Test
    void aStandardDeadLetterQueueKeepsTheOriginalEnqueueTime() {
        String dlq = Sqs.create(Sqs.name(P + "-dlq"), Map.of(QueueAttributeName.MESSAGE_RETENTION_PERIOD, "120"));
        String source = sourceWithDlq(Sqs.name(P), dlq, 1);
        long sentAt = FrozenClock.clock().millis();
        Sqs.send(source, "aging");
        Sqs.receiveOne(source);
        advance(Duration.ofSeconds(90));
        Sqs.assertEmpty(source);
        Message dead = Sqs.receiveOne(dlq);
        assertThat(dead.attributesAsStrings()).containsEntry("SentTimestamp", Long.toString(sentAt));

        advance(Duration.ofSeconds(30));
        assertThat(Sqs.counts(dlq)).as("120 s after the original send").containsExactly(0, 0, 0);
    }

    @Test
    void deletedMessagesAreNotRedriven() {
        String dlq = Sqs.create(Sqs.name(P + "-dlq"));
        String source = sourceWithDlq(Sqs.name(P), dlq, 1);
        Sqs.send(source, "handled");
        Sqs.delete(source, Sqs.receiveOne(source));
        advance(Duration.ofSeconds(30));
        Sqs.assertEmpty(source);
        assertThat(Sqs.counts(dlq)).containsExactly(0, 0, 0);
    }

    @Test
    void fifoMessagesAreRedrivenToAFifoDeadLetterQueue() {
        String dlq = Sqs.createFifo(Sqs.fifoName(P + "-dlq"), Map.of());
        String source = Sqs.createFifo(Sqs.fifoName(P), Map.of(QueueAttributeName.REDRIVE_POLICY,
                redrivePolicy(Sqs.arnOf(dlq), 1)));
        CLIENT.sendMessage(b -> b.queueUrl(source).messageBody("first").messageGroupId("g").messageDeduplicationId("1"));
        CLIENT.sendMessage(b -> b.queueUrl(source).messageBody("second").messageGroupId("g").messageDeduplicationId("2"));
        assertThat(Sqs.receiveOne(source).body()).isEqualTo("first");
        advance(Duration.ofSeconds(30));

        assertThat(Sqs.receiveOne(source).body()).as("first went to the DLQ, second is next").isEqualTo("second");
        Message dead = Sqs.receiveOne(dlq);
        assertThat(dead.body()).isEqualTo("first");
        assertThat(dead.attributesAsStrings()).containsEntry("MessageGroupId", "g").containsKey("SequenceNumber");
    }

    @Test
    void redriveAllowPolicyDecidesWhichSourcesMayUseTheDeadLetterQueue() {
        String denyAll = Sqs.create(Sqs.name(P + "-deny"), Map.of(QueueAttributeName.REDRIVE_ALLOW_POLICY,
                "{\"redrivePermission\":\"denyAll\"}"));
        assertGenericError("InvalidParameterValue", () -> sourceWithDlq(Sqs.name(P), denyAll, 3));

        String allowed = Sqs.name(P);
        String byQueue = Sqs.create(Sqs.name(P + "-byqueue"), Map.of(QueueAttributeName.REDRIVE_ALLOW_POLICY,
                "{\"redrivePermission\":\"byQueue\",\"sourceQueueArns\":[\"" + Sqs.arn(allowed) + "\"]}"));
        String notListed = Sqs.create(Sqs.name(P));
        assertGenericError("InvalidParameterValue", () -> CLIENT.setQueueAttributes(b -> b.queueUrl(notListed)
                .attributes(Map.of(QueueAttributeName.REDRIVE_POLICY, redrivePolicy(Sqs.arnOf(byQueue), 3)))));
        String source = sourceWithDlq(allowed, byQueue, 3);
        assertThat(Sqs.attributes(source, QueueAttributeName.REDRIVE_POLICY)).containsKey(QueueAttributeName.REDRIVE_POLICY);

        String allowAll = Sqs.create(Sqs.name(P + "-allow"), Map.of(QueueAttributeName.REDRIVE_ALLOW_POLICY,
                "{\"redrivePermission\":\"allowAll\"}"));
        sourceWithDlq(Sqs.name(P), allowAll, 3);
    }

    @Test
    void aDeadLetterQueueMustExistInTheSameAccountAndBeOfTheSameType() {
        assertGenericError("InvalidParameterValue", () -> Sqs.create(Sqs.name(P), Map.of(QueueAttributeName.REDRIVE_POLICY,
                redrivePolicy(Sqs.arn(Sqs.name("missing-dlq")), 3))));
        String standardDlq = Sqs.create(Sqs.name(P + "-dlq"));
        assertGenericError("InvalidParameterValue", () -> Sqs.createFifo(Sqs.fifoName(P), Map.of(
                QueueAttributeName.REDRIVE_POLICY, redrivePolicy(Sqs.arnOf(standardDlq), 3))));
        String otherAccountArn = "arn:aws:sqs:us-east-1:111122223333:" + Sqs.name(P);
        assertGenericError("InvalidParameterValue", () -> Sqs.create(Sqs.name(P), Map.of(QueueAttributeName.REDRIVE_POLICY,
                redrivePolicy(otherAccountArn, 3))));
    }

    @Test
    void listDeadLetterSourceQueuesListsTheQueuesThatRedriveToIt() {
        String dlq = Sqs.create(Sqs.name(P + "-dlq"));
        List<String> sources = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            sources.add(sourceWithDlq(Sqs.name(P + "-src"), dlq, 3));
        }
        Sqs.create(Sqs.name(P + "-unrelated"));

        ListDeadLetterSourceQueuesResponse all = CLIENT.listDeadLetterSourceQueues(b -> b.queueUrl(dlq));
        assertThat(all.queueUrls()).containsExactlyInAnyOrderElementsOf(sources);
        assertThat(all.nextToken()).isNull();

        List<List<String>> pages = new ArrayList<>();
        CLIENT.listDeadLetterSourceQueuesPaginator(ListDeadLetterSourceQueuesRequest.builder().queueUrl(dlq).maxResults(2).build())
                .forEach(page -> pages.add(page.queueUrls()));
        assertThat(pages).extracting(List::size).containsExactly(2, 2, 1);
        assertThat(pages.stream().flatMap(List::stream)).containsExactlyInAnyOrderElementsOf(sources);

        CLIENT.setQueueAttributes(b -> b.queueUrl(sources.get(0)).attributes(Map.of(QueueAttributeName.REDRIVE_POLICY, "")));
        assertThat(CLIENT.listDeadLetterSourceQueues(b -> b.queueUrl(dlq)).queueUrls()).hasSize(4)
                .doesNotContain(sources.get(0));
    }

    @Test
    void listDeadLetterSourceQueuesOfAQueueWithoutSourcesIsEmpty() {
        String lonely = Sqs.create(Sqs.name(P));
        assertThat(CLIENT.listDeadLetterSourceQueues(b -> b.queueUrl(lonely)).queueUrls()).isEmpty();
        assertQueueDoesNotExist(() -> CLIENT.listDeadLetterSourceQueues(b -> b.queueUrl(Sqs.missingQueueUrl())));
        assertGenericError("InvalidParameterValue", () -> CLIENT.listDeadLetterSourceQueues(b -> b.queueUrl(lonely).maxResults(0)));
        assertGenericError("InvalidParameterValue", () -> CLIENT.listDeadLetterSourceQueues(b -> b.queueUrl(lonely).maxResults(1001)));
    }
}
