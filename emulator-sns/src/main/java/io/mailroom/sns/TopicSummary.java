package io.mailroom.sns;

import io.mailroom.sns.topic.Topic;
import java.util.List;

/** One topic and its subscriptions as a dashboard lists them; a copy, so reading it races no publish. */
public record TopicSummary(String accountId, String region, String name, String arn, boolean fifo,
                           List<SubscriptionSummary> subscriptions) {

    static TopicSummary of(Topic topic) {
        return new TopicSummary(topic.account(), topic.region(), topic.name(), topic.arn(), topic.isFifo(),
                topic.subscribers().stream().map(SubscriptionSummary::of).toList());
    }
}
