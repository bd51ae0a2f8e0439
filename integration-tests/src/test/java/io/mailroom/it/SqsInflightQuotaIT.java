package io.mailroom.it;

import static io.mailroom.it.Sqs.CLIENT;
import static io.mailroom.it.Sqs.assertSqsError;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.sqs.model.OverLimitException;
import software.amazon.awssdk.services.sqs.model.QueueAttributeName;
import software.amazon.awssdk.services.sqs.model.SendMessageBatchRequestEntry;

/** ReceiveMessage's OverLimit as the SDK sees it, once 120,000 messages of a standard queue are in flight. */
class SqsInflightQuotaIT {
    private static final String P = "SqsInflightQuotaIT";

    @Test
    void aShortPollOnAQueueWith120000MessagesInFlightIsOverLimit() {
        String url = Sqs.create(Sqs.name(P), Map.of(QueueAttributeName.VISIBILITY_TIMEOUT, "3600"));
        // Two client threads: each batch sends ten, and each receive takes ten while ten or more are visible.
        IntStream.range(0, 12_001).parallel().forEach(batch -> {
            List<SendMessageBatchRequestEntry> entries = IntStream.range(0, 10)
                    .mapToObj(i -> SendMessageBatchRequestEntry.builder().id("e" + i).messageBody("m" + (batch * 10 + i)).build())
                    .toList();
            CLIENT.sendMessageBatch(b -> b.queueUrl(url).entries(entries));
        });
        int received = IntStream.range(0, 12_000).parallel()
                .map(i -> CLIENT.receiveMessage(b -> b.queueUrl(url).maxNumberOfMessages(10)).messages().size())
                .sum();
        assertThat(received).isEqualTo(120_000);

        assertSqsError(OverLimitException.class, "OverLimit", 403,
                () -> CLIENT.receiveMessage(b -> b.queueUrl(url).maxNumberOfMessages(10)));
        assertThat(Sqs.count(url, QueueAttributeName.APPROXIMATE_NUMBER_OF_MESSAGES)).isEqualTo(10);
        CLIENT.purgeQueue(b -> b.queueUrl(url));
    }
}
