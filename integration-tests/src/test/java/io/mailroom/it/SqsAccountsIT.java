package io.mailroom.it;

import static io.mailroom.it.Sqs.CLIENT;
import static io.mailroom.it.Sqs.assertQueueDoesNotExist;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.model.Message;
import software.amazon.awssdk.services.sqs.model.MessageSystemAttributeName;
import software.amazon.awssdk.services.sqs.model.QueueAttributeName;

/** Accounts (chosen by a 12-digit access key) and regions (the SigV4 scope) each see their own queues. */
class SqsAccountsIT {
    private static final String P = "SqsAccountsIT";
    private static final String ALICE_ACCOUNT = "111111111111";
    private static final String BOB_ACCOUNT = "222222222222";
    private static final SqsClient ALICE = TestServer.sqs(TestServer.credentialsFor(ALICE_ACCOUNT), Region.US_EAST_1);
    private static final SqsClient BOB = TestServer.sqs(TestServer.credentialsFor(BOB_ACCOUNT), Region.US_EAST_1);
    private static final SqsClient EU = TestServer.sqs(TestServer.credentials(), Region.EU_WEST_1);

    @AfterAll
    static void close() {
        ALICE.close();
        BOB.close();
        EU.close();
    }

    private static String create(SqsClient client, String name) {
        return client.createQueue(b -> b.queueName(name)).queueUrl();
    }

    private static String arnOf(SqsClient client, String url) {
        return client.getQueueAttributes(b -> b.queueUrl(url).attributeNames(QueueAttributeName.QUEUE_ARN))
                .attributes().get(QueueAttributeName.QUEUE_ARN);
    }

    @Test
    void theSameNameInTwoAccountsIsTwoQueues() {
        String name = Sqs.name(P);
        String alices = create(ALICE, name);
        String bobs = create(BOB, name);
        assertThat(alices).isEqualTo(TestServer.endpoint() + "/" + ALICE_ACCOUNT + "/" + name);
        assertThat(bobs).isEqualTo(TestServer.endpoint() + "/" + BOB_ACCOUNT + "/" + name);
        assertThat(arnOf(ALICE, alices)).isEqualTo("arn:aws:sqs:us-east-1:" + ALICE_ACCOUNT + ":" + name);

        ALICE.sendMessage(b -> b.queueUrl(alices).messageBody("for alice"));
        assertThat(BOB.receiveMessage(b -> b.queueUrl(bobs)).messages()).isEmpty();
        assertThat(ALICE.receiveMessage(b -> b.queueUrl(alices)).messages()).extracting(Message::body)
                .containsExactly("for alice");

        assertThat(ALICE.listQueues(b -> b.queueNamePrefix(name)).queueUrls()).containsExactly(alices);
        assertThat(BOB.listQueues(b -> b.queueNamePrefix(name)).queueUrls()).containsExactly(bobs);
        assertThat(CLIENT.listQueues(b -> b.queueNamePrefix(name)).queueUrls()).isEmpty();
        assertQueueDoesNotExist(() -> CLIENT.getQueueUrl(b -> b.queueName(name)));
    }

    @Test
    void aNonNumericAccessKeyIsTheDefaultAccount() {
        String name = Sqs.name(P);
        assertThat(Sqs.create(name)).isEqualTo(TestServer.endpoint() + "/000000000000/" + name);
        assertThat(ALICE.listQueues(b -> b.queueNamePrefix(name)).queueUrls()).isEmpty();
    }

    @Test
    void aQueueOfAnotherAccountIsReachedThroughQueueOwnerAwsAccountId() {
        String name = Sqs.name(P);
        String alices = create(ALICE, name);
        ALICE.addPermission(b -> b.queueUrl(alices).label("bob").awsAccountIds(BOB_ACCOUNT)
                .actions("SendMessage", "GetQueueUrl"));

        assertQueueDoesNotExist(() -> BOB.getQueueUrl(b -> b.queueName(name)));
        String seenByBob = BOB.getQueueUrl(b -> b.queueName(name).queueOwnerAWSAccountId(ALICE_ACCOUNT)).queueUrl();
        assertThat(seenByBob).isEqualTo(alices);

        BOB.sendMessage(b -> b.queueUrl(seenByBob).messageBody("from bob"));
        Message got = ALICE.receiveMessage(b -> b.queueUrl(alices)
                .messageSystemAttributeNames(MessageSystemAttributeName.SENDER_ID)).messages().get(0);
        assertThat(got.body()).isEqualTo("from bob");
        assertThat(got.attributes()).containsEntry(MessageSystemAttributeName.SENDER_ID, BOB_ACCOUNT);
    }

    @Test
    void regionsAreIsolated() {
        String onlyInEu = Sqs.name(P);
        String euUrl = create(EU, onlyInEu);
        assertThat(arnOf(EU, euUrl)).isEqualTo("arn:aws:sqs:eu-west-1:000000000000:" + onlyInEu);
        assertThat(EU.listQueues(b -> b.queueNamePrefix(onlyInEu)).queueUrls()).containsExactly(euUrl);
        assertThat(CLIENT.listQueues(b -> b.queueNamePrefix(onlyInEu)).queueUrls()).isEmpty();
        assertQueueDoesNotExist(() -> CLIENT.getQueueUrl(b -> b.queueName(onlyInEu)));
        assertQueueDoesNotExist(() -> Sqs.send(euUrl, "wrong region"));

        String both = Sqs.name(P);
        String us = Sqs.create(both);
        String eu = create(EU, both);
        EU.sendMessage(b -> b.queueUrl(eu).messageBody("in europe"));
        Sqs.assertEmpty(us);
        assertThat(EU.receiveMessage(b -> b.queueUrl(eu)).messages()).extracting(Message::body).containsExactly("in europe");
        assertThat(Sqs.arnOf(us)).isEqualTo(Sqs.arn(both));
        List<String> euQueues = EU.listQueues(b -> b.queueNamePrefix(both)).queueUrls();
        assertThat(euQueues).hasSize(1);
    }
}
