package io.mailroom.it;

import static io.mailroom.it.SnsClients.name;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.mailroom.it.SnsFanOutIT.Queue;
import io.mailroom.junit5.MailroomExtension;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import software.amazon.awssdk.services.sns.SnsClient;
import software.amazon.awssdk.services.sns.model.InvalidStateException;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.model.Message;
import software.amazon.awssdk.services.sqs.model.QueueAttributeName;

/** Message archiving and replay of a FIFO topic through SnsClient, replayed into an SQS FIFO queue. */
@ExtendWith(MailroomExtension.class)
class SnsArchiveReplayIT {
    private final SnsClient sns;
    private final SqsClient sqs;

    SnsArchiveReplayIT(SnsClient sns, SqsClient sqs) {
        this.sns = sns;
        this.sqs = sqs;
    }

    private Queue fifoQueue(String prefix) {
        return SnsFanOutIT.queue(sqs, name(prefix) + ".fifo", Map.of(QueueAttributeName.FIFO_QUEUE, "true"));
    }

    @Test
    void aNewSubscriptionReplaysTheArchiveFromItsBeginning() {
        String topic = sns.createTopic(b -> b.name(name("archived") + ".fifo").attributes(Map.of("FifoTopic", "true",
                "ContentBasedDeduplication", "true", "ArchivePolicy", "{\"MessageRetentionPeriod\":\"7\"}"))).topicArn();
        Queue live = fifoQueue("live");
        sns.subscribe(b -> b.topicArn(topic).protocol("sqs").endpoint(live.arn()));
        for (String step : List.of("created", "paid", "shipped")) {
            sns.publish(b -> b.topicArn(topic).message(step).messageGroupId("order-1"));
        }
        List<Message> originals = SnsFanOutIT.receive(sqs, live, 3);

        Map<String, String> attributes = sns.getTopicAttributes(b -> b.topicArn(topic)).attributes();
        assertThat(attributes).containsEntry("ArchivePolicy", "{\"MessageRetentionPeriod\":\"7\"}")
                .containsKey("BeginningArchiveTime");
        String replayPolicy = "{\"PointType\":\"Timestamp\",\"StartingPoint\":\""
                + attributes.get("BeginningArchiveTime") + "\"}";
        Queue rebuilt = fifoQueue("rebuilt");
        String subscription = sns.subscribe(b -> b.topicArn(topic).protocol("sqs").endpoint(rebuilt.arn())
                .attributes(Map.of("ReplayPolicy", replayPolicy))).subscriptionArn();

        List<Message> replayed = SnsFanOutIT.receive(sqs, rebuilt, 3);
        assertThat(SnsFanOutIT.messagesOf(replayed)).containsExactly("created", "paid", "shipped");
        JsonNode first = SnsClients.readJson(replayed.get(0).body());
        JsonNode original = SnsClients.readJson(originals.get(0).body());
        assertThat(first.get("Replayed").asBoolean()).isTrue();
        assertThat(first.get("MessageId")).isEqualTo(original.get("MessageId"));
        assertThat(first.get("Timestamp")).isEqualTo(original.get("Timestamp"));
        assertThat(sns.getSubscriptionAttributes(b -> b.subscriptionArn(subscription)).attributes())
                .containsEntry("ReplayPolicy", replayPolicy).containsEntry("ReplayStatus", "Completed");

        // The topic cannot go while it archives; with the policy off, it can.
        SnsClients.snsError(InvalidStateException.class, "InvalidState", 400,
                () -> sns.deleteTopic(b -> b.topicArn(topic)));
        sns.setTopicAttributes(b -> b.topicArn(topic).attributeName("ArchivePolicy").attributeValue("{}"));
        assertThat(sns.getTopicAttributes(b -> b.topicArn(topic)).attributes())
                .doesNotContainKeys("ArchivePolicy", "BeginningArchiveTime");
        sns.deleteTopic(b -> b.topicArn(topic));
    }
}
