package io.mailroom.it;

import static io.mailroom.it.Sqs.CLIENT;
import static io.mailroom.it.Sqs.assertGenericError;
import static io.mailroom.it.Sqs.assertQueueDoesNotExist;
import static io.mailroom.it.Sqs.assertSqsError;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import software.amazon.awssdk.services.sqs.model.ListQueuesRequest;
import software.amazon.awssdk.services.sqs.model.ListQueuesResponse;
import software.amazon.awssdk.services.sqs.model.PurgeQueueInProgressException;
import software.amazon.awssdk.services.sqs.model.QueueAttributeName;
import software.amazon.awssdk.services.sqs.model.QueueDeletedRecentlyException;
import software.amazon.awssdk.services.sqs.model.QueueNameExistsException;

/** CreateQueue, GetQueueUrl, ListQueues, DeleteQueue and PurgeQueue through the SDK for Java v2. */
class SqsQueueLifecycleIT {
    private static final String P = "SqsQueueLifecycleIT";

    // ---------------------------------------------------------------- CreateQueue

    @Test
    void createQueueAnswersTheQueueUrlOfTheCallersAccount() {
        String name = Sqs.name(P);
        String url = Sqs.create(name);
        assertThat(url).isEqualTo(TestServer.endpoint() + "/" + Sqs.ACCOUNT + "/" + name);
        assertThat(Sqs.arnOf(url)).isEqualTo(Sqs.arn(name));
    }

    @Test
    void createQueueIsIdempotentForTheSameAttributes() {
        String name = Sqs.name(P);
        Map<QueueAttributeName, String> attributes = Map.of(QueueAttributeName.VISIBILITY_TIMEOUT, "45",
                QueueAttributeName.DELAY_SECONDS, "5");
        String first = Sqs.create(name, attributes);
        Sqs.send(first, "survives the second create");

        assertThat(Sqs.create(name, attributes)).isEqualTo(first);
        assertThat(Sqs.create(name)).as("no attributes given: nothing differs").isEqualTo(first);
        assertThat(Sqs.count(first, QueueAttributeName.APPROXIMATE_NUMBER_OF_MESSAGES_DELAYED)).isEqualTo(1);
    }

    @Test
    void createQueueWithADifferentAttributeValueIsQueueAlreadyExists() {
        String name = Sqs.name(P);
        Sqs.create(name, Map.of(QueueAttributeName.VISIBILITY_TIMEOUT, "45"));

        assertSqsError(QueueNameExistsException.class, "QueueAlreadyExists", 400,
                () -> Sqs.create(name, Map.of(QueueAttributeName.VISIBILITY_TIMEOUT, "46")));
        assertSqsError(QueueNameExistsException.class, "QueueAlreadyExists", 400,
                () -> Sqs.create(name, Map.of(QueueAttributeName.DELAY_SECONDS, "1")));
        assertThat(Sqs.attributes(Sqs.create(name), QueueAttributeName.VISIBILITY_TIMEOUT))
                .containsEntry(QueueAttributeName.VISIBILITY_TIMEOUT, "45");
    }

    @Test
    void createQueueOfAnExistingNameWithOtherTagsIsQueueAlreadyExists() {
        String name = Sqs.name(P);
        String url = CLIENT.createQueue(b -> b.queueName(name).tags(Map.of("team", "payments"))).queueUrl();

        assertThat(CLIENT.createQueue(b -> b.queueName(name).tags(Map.of("team", "payments"))).queueUrl())
                .isEqualTo(url);
        assertThat(Sqs.create(name)).as("no tags given: nothing differs").isEqualTo(url);
        assertSqsError(QueueNameExistsException.class, "QueueAlreadyExists", 400,
                () -> CLIENT.createQueue(b -> b.queueName(name).tags(Map.of("team", "billing"))));
        assertThat(CLIENT.listQueueTags(b -> b.queueUrl(url)).tags()).containsExactly(Map.entry("team", "payments"));
    }

    @Test
    void createQueueAppliesAttributesAndTags() {
        String name = Sqs.name(P);
        String url = CLIENT.createQueue(b -> b.queueName(name)
                .attributes(Map.of(QueueAttributeName.VISIBILITY_TIMEOUT, "120",
                        QueueAttributeName.MESSAGE_RETENTION_PERIOD, "3600",
                        QueueAttributeName.MAXIMUM_MESSAGE_SIZE, "2048",
                        QueueAttributeName.DELAY_SECONDS, "7",
                        QueueAttributeName.RECEIVE_MESSAGE_WAIT_TIME_SECONDS, "3"))
                .tags(Map.of("team", "mailroom", "env", "test"))).queueUrl();

        assertThat(Sqs.attributes(url, QueueAttributeName.ALL))
                .containsEntry(QueueAttributeName.VISIBILITY_TIMEOUT, "120")
                .containsEntry(QueueAttributeName.MESSAGE_RETENTION_PERIOD, "3600")
                .containsEntry(QueueAttributeName.MAXIMUM_MESSAGE_SIZE, "2048")
                .containsEntry(QueueAttributeName.DELAY_SECONDS, "7")
                .containsEntry(QueueAttributeName.RECEIVE_MESSAGE_WAIT_TIME_SECONDS, "3");
        assertThat(CLIENT.listQueueTags(b -> b.queueUrl(url)).tags())
                .isEqualTo(Map.of("team", "mailroom", "env", "test"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"has space", "dot.ted", "slash/ed", "emoji\u00e9", "star*"})
    void queueNamesAreAlphanumericsHyphensAndUnderscores(String bad) {
        assertGenericError("InvalidParameterValue", () -> Sqs.create(bad));
    }

    @Test
    void queueNamesAreOneToEightyCharacters() {
        String eighty = "Q_-" + "x".repeat(77);
        assertThat(Sqs.create(eighty)).endsWith("/" + eighty);
        assertGenericError("InvalidParameterValue", () -> Sqs.create(eighty + "y"));
        assertGenericError("InvalidParameterValue", () -> Sqs.create(""));
    }

    @Test
    void fifoQueuesAndOnlyFifoQueuesEndInDotFifo() {
        String base = Sqs.name(P);
        String fifo = Sqs.createFifo(base + ".fifo", Map.of());
        assertThat(Sqs.attributes(fifo, QueueAttributeName.FIFO_QUEUE))
                .containsEntry(QueueAttributeName.FIFO_QUEUE, "true");

        assertGenericError("InvalidParameterValue", () -> Sqs.createFifo(base + "-nosuffix", Map.of()));
        assertGenericError("InvalidParameterValue", () -> Sqs.create(base + "-standard.fifo"));
        assertGenericError("InvalidParameterValue",
                () -> Sqs.create(base + "-false.fifo", Map.of(QueueAttributeName.FIFO_QUEUE, "false")));
        assertGenericError("InvalidParameterValue", () -> Sqs.createFifo(".fifo", Map.of()));

        String eighty = "f".repeat(75) + ".fifo";
        assertThat(Sqs.createFifo(eighty, Map.of())).endsWith("/" + eighty);
        assertGenericError("InvalidParameterValue", () -> Sqs.createFifo("f" + eighty, Map.of()));
    }

    @Test
    void createQueueRejectsUnknownAndReadOnlyAttributes() {
        assertSqsError(software.amazon.awssdk.services.sqs.model.InvalidAttributeNameException.class,
                "InvalidAttributeName", 400,
                () -> CLIENT.createQueue(b -> b.queueName(Sqs.name(P)).attributesWithStrings(Map.of("Colour", "red"))));
        assertSqsError(software.amazon.awssdk.services.sqs.model.InvalidAttributeNameException.class,
                "InvalidAttributeName", 400,
                () -> Sqs.create(Sqs.name(P), Map.of(QueueAttributeName.QUEUE_ARN, "arn:aws:sqs:us-east-1:1:x")));
        assertSqsError(software.amazon.awssdk.services.sqs.model.InvalidAttributeValueException.class,
                "InvalidAttributeValue", 400,
                () -> Sqs.create(Sqs.name(P), Map.of(QueueAttributeName.VISIBILITY_TIMEOUT, "43201")));
    }

    // ---------------------------------------------------------------- GetQueueUrl

    @Test
    void getQueueUrlFindsQueuesByName() {
        String name = Sqs.name(P);
        String url = Sqs.create(name);
        assertThat(CLIENT.getQueueUrl(b -> b.queueName(name)).queueUrl()).isEqualTo(url);
        assertThat(CLIENT.getQueueUrl(b -> b.queueName(name).queueOwnerAWSAccountId(Sqs.ACCOUNT)).queueUrl())
                .isEqualTo(url);
    }

    @Test
    void getQueueUrlOfAMissingQueueIsNonExistentQueue() {
        assertQueueDoesNotExist(() -> CLIENT.getQueueUrl(b -> b.queueName(Sqs.name(P))));
        String name = Sqs.name(P);
        Sqs.create(name);
        assertQueueDoesNotExist(() -> CLIENT.getQueueUrl(b -> b.queueName(name.toUpperCase())));
        assertQueueDoesNotExist(() -> CLIENT.getQueueUrl(b -> b.queueName(name).queueOwnerAWSAccountId("123456789012")));
    }

    // ---------------------------------------------------------------- ListQueues

    @Test
    void listQueuesFiltersByPrefix() {
        String prefix = Sqs.name(P + "-list");
        String a = Sqs.create(prefix + "-a");
        String b = Sqs.create(prefix + "-b");
        Sqs.create(Sqs.name(P + "-other"));

        ListQueuesResponse listed = CLIENT.listQueues(r -> r.queueNamePrefix(prefix));
        assertThat(listed.queueUrls()).containsExactlyInAnyOrder(a, b);
        assertThat(listed.nextToken()).isNull();
        assertThat(CLIENT.listQueues(r -> r.queueNamePrefix(prefix + "-zzz")).queueUrls()).isEmpty();
        assertThat(CLIENT.listQueues().queueUrls()).contains(a, b);
    }

    @Test
    void listQueuesPagesWithMaxResultsAndNextToken() {
        String prefix = Sqs.name(P + "-page");
        List<String> created = new ArrayList<>();
        for (int i = 0; i < 7; i++) {
            created.add(Sqs.create(prefix + "-" + i));
        }

        ListQueuesResponse first = CLIENT.listQueues(r -> r.queueNamePrefix(prefix).maxResults(3));
        assertThat(first.queueUrls()).hasSize(3);
        assertThat(first.nextToken()).isNotBlank();

        List<List<String>> pages = new ArrayList<>();
        CLIENT.listQueuesPaginator(ListQueuesRequest.builder().queueNamePrefix(prefix).maxResults(3).build())
                .forEach(page -> pages.add(page.queueUrls()));
        assertThat(pages).extracting(List::size).containsExactly(3, 3, 1);
        assertThat(pages.stream().flatMap(List::stream)).containsExactlyInAnyOrderElementsOf(created)
                .doesNotHaveDuplicates();

        ListQueuesResponse whole = CLIENT.listQueues(r -> r.queueNamePrefix(prefix).maxResults(7));
        assertThat(whole.queueUrls()).hasSize(7);
        assertThat(whole.nextToken()).isNull();
    }

    @ParameterizedTest
    @ValueSource(ints = {0, 1001, -1})
    void listQueuesMaxResultsIsOneToAThousand(int maxResults) {
        assertGenericError("InvalidParameterValue", () -> CLIENT.listQueues(r -> r.maxResults(maxResults)));
    }

    // ---------------------------------------------------------------- DeleteQueue

    @Test
    void deleteQueueRemovesTheQueueAndItsMessages() {
        String name = Sqs.name(P);
        String url = Sqs.create(name);
        Sqs.send(url, "gone with the queue");

        CLIENT.deleteQueue(b -> b.queueUrl(url));

        assertQueueDoesNotExist(() -> CLIENT.getQueueUrl(b -> b.queueName(name)));
        assertQueueDoesNotExist(() -> Sqs.send(url, "too late"));
        assertQueueDoesNotExist(() -> Sqs.receive(url, 1));
        assertQueueDoesNotExist(() -> CLIENT.deleteQueue(b -> b.queueUrl(url)));
        assertThat(CLIENT.listQueues(r -> r.queueNamePrefix(name)).queueUrls()).doesNotContain(url);
    }

    @Test
    void creatingAQueueWithinSixtySecondsOfDeletingItIsQueueDeletedRecently() {
        FrozenClock.clock().freeze();
        try {
            String name = Sqs.name(P);
            String url = Sqs.create(name);
            CLIENT.deleteQueue(b -> b.queueUrl(url));

            assertSqsError(QueueDeletedRecentlyException.class, "AWS.SimpleQueueService.QueueDeletedRecently", 400,
                    () -> Sqs.create(name));
            FrozenClock.advance(Duration.ofSeconds(60));
            assertThat(Sqs.create(name)).isEqualTo(url);
        } finally {
            FrozenClock.clock().resetToSystem();
        }
    }

    // ---------------------------------------------------------------- PurgeQueue

    @Test
    void purgeQueueDeletesVisibleInFlightAndDelayedMessages() {
        String url = Sqs.create(Sqs.name(P));
        Sqs.send(url, "visible");
        Sqs.send(url, "in flight");
        CLIENT.sendMessage(b -> b.queueUrl(url).messageBody("delayed").delaySeconds(600));
        Sqs.receiveOne(url);
        assertThat(Sqs.counts(url)).containsExactly(1, 1, 1);

        CLIENT.purgeQueue(b -> b.queueUrl(url));

        assertThat(Sqs.counts(url)).containsExactly(0, 0, 0);
        Sqs.assertEmpty(url);
        Sqs.send(url, "after the purge");
        assertThat(Sqs.receiveOne(url).body()).isEqualTo("after the purge");
    }

    @Test
    void purgeQueueIsAllowedOncePerSixtySeconds() {
        FrozenClock.clock().freeze();
        try {
            String url = Sqs.create(Sqs.name(P));
            CLIENT.purgeQueue(b -> b.queueUrl(url));
            assertSqsError(PurgeQueueInProgressException.class, "AWS.SimpleQueueService.PurgeQueueInProgress", 403,
                    () -> CLIENT.purgeQueue(b -> b.queueUrl(url)));
            FrozenClock.advance(Duration.ofSeconds(59));
            assertSqsError(PurgeQueueInProgressException.class, "AWS.SimpleQueueService.PurgeQueueInProgress", 403,
                    () -> CLIENT.purgeQueue(b -> b.queueUrl(url)));
            FrozenClock.advance(Duration.ofSeconds(1));
            CLIENT.purgeQueue(b -> b.queueUrl(url));
        } finally {
            FrozenClock.clock().resetToSystem();
        }
    }

    @Test
    void purgeQueueOfAMissingQueueIsNonExistentQueue() {
        assertQueueDoesNotExist(() -> CLIENT.purgeQueue(b -> b.queueUrl(Sqs.missingQueueUrl())));
    }
}
