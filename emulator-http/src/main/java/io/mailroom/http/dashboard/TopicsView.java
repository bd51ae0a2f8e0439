package io.mailroom.http.dashboard;

import io.mailroom.protocol.Canonical;
import io.mailroom.http.DeveloperJson;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.mailroom.protocol.EncodedResponse;
import io.mailroom.sns.SnsService;
import io.mailroom.sns.SubscriptionSummary;
import io.mailroom.sns.TopicSummary;
import io.mailroom.sns.delivery.DeliveryRecord;
import java.util.List;
import java.util.function.Supplier;

/**
 * {@code GET /_mailroom/api/topics}: every topic with its subscriptions, their filter policies and their
 * most recent deliveries (newest first), as SNS's delivery log keeps them.
 */
final class TopicsView {
    /** Enough to see what just happened; the log itself keeps more. */
    static final int RECENT_DELIVERIES = 20;

    private final Supplier<SnsService> sns;

    TopicsView(Supplier<SnsService> sns) {
        this.sns = sns;
    }

    EncodedResponse list() {
        ObjectNode root = Canonical.NODES.objectNode();
        ArrayNode topics = root.putArray("topics");
        for (TopicSummary t : sns.get().topics()) {
            ObjectNode topic = topics.addObject();
            topic.put("accountId", t.accountId());
            topic.put("region", t.region());
            topic.put("name", t.name());
            topic.put("arn", t.arn());
            topic.put("fifo", t.fifo());
            ArrayNode subscriptions = topic.putArray("subscriptions");
            for (SubscriptionSummary s : t.subscriptions()) {
                ObjectNode subscription = DeveloperJson.MAPPER.valueToTree(s);
                List<DeliveryRecord> records = sns.get().deliveryRecords(s.arn());
                ArrayNode deliveries = subscription.putArray("deliveries");
                for (int i = records.size() - 1; i >= Math.max(0, records.size() - RECENT_DELIVERIES); i--) {
                    deliveries.add(DeveloperJson.MAPPER.<ObjectNode>valueToTree(records.get(i)));
                }
                subscriptions.add(subscription);
            }
        }
        return Json.ok(root);
    }
}
