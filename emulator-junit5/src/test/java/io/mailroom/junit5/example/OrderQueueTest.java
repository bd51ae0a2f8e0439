package io.mailroom.junit5.example;

// docs/junit5.md and the README show this class, minus the package line; keep them in step.
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.mailroom.junit5.Await;
import io.mailroom.junit5.MailroomExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import software.amazon.awssdk.services.sqs.SqsClient;

@ExtendWith(MailroomExtension.class)
class OrderQueueTest {
    @Test
    void queuesTheOrder(SqsClient sqs, Await await) {
        String queueUrl = sqs.createQueue(b -> b.queueName("orders")).queueUrl();

        sqs.sendMessage(b -> b.queueUrl(queueUrl).messageBody("order 42")); // your code under test

        assertEquals("order 42", await.message(queueUrl).body());
    }
}
