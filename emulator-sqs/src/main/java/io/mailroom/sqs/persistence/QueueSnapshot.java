package io.mailroom.sqs.persistence;

import io.mailroom.core.time.Clock;
import io.mailroom.core.time.Scheduler;
import io.mailroom.sqs.attribute.QueueAttribute;
import io.mailroom.sqs.attribute.QueueConfig;
import io.mailroom.sqs.attribute.QueueConfigParser;
import io.mailroom.sqs.queue.InspectedMessage;
import io.mailroom.sqs.queue.Queue;
import io.mailroom.sqs.queue.QueueAddress;
import io.mailroom.sqs.queue.QueueDirectory;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * One queue. Its configuration is kept as the attribute map CreateQueue takes (Policy, RedrivePolicy and
 * the rest as GetQueueAttributes shows them), so the file reads like the API and restoring runs the
 * same validation as CreateQueue.
 *
 * @param createdAt      epoch millis
 * @param lastModifiedAt epoch millis
 * @param nextSequence   where FIFO sequence numbers carry on, so they keep increasing across restarts
 * @param messages       in send order
 */
public record QueueSnapshot(String accountId, String region, String name, Map<String, String> attributes,
                            Map<String, String> tags, long createdAt, long lastModifiedAt, long nextSequence,
                            List<MessageSnapshot> messages) {

    public QueueSnapshot {
        Objects.requireNonNull(accountId, "a queue has no accountId");
        Objects.requireNonNull(region, "a queue has no region");
        Objects.requireNonNull(name, "a queue has no name");
        attributes = attributes == null ? Map.of() : attributes;
        tags = tags == null ? Map.of() : tags;
        messages = messages == null ? List.of() : messages;
    }

    static QueueSnapshot of(Queue q) {
        QueueConfig config = q.config();
        Map<String, String> attributes = new LinkedHashMap<>();
        for (QueueAttribute a : QueueAttribute.values()) {
            boolean settable = a.access() == QueueAttribute.Access.SETTABLE
                    || a.access() == QueueAttribute.Access.FIFO_ONLY;
            String value = config.value(a);
            if (settable && value != null) {
                attributes.put(a.wireName(), value);
            }
        }
        // GetQueueAttributes hides the reuse period while no KMS key is set, but a later key would show it.
        attributes.put(QueueAttribute.KMS_DATA_KEY_REUSE_PERIOD_SECONDS.wireName(),
                Integer.toString(config.kmsDataKeyReusePeriodSeconds()));
        List<MessageSnapshot> messages = new ArrayList<>();
        for (InspectedMessage m : q.inspect()) {
            messages.add(MessageSnapshot.of(m));
        }
        QueueAddress a = q.address();
        return new QueueSnapshot(a.accountId(), a.region(), a.name(), attributes, q.tags(), q.createdAt(),
                q.lastModifiedAt(), q.nextSequence(), messages);
    }

    Queue toQueue(Clock clock, Scheduler scheduler, QueueDirectory directory) {
        QueueAddress address = new QueueAddress(accountId, region, name);
        QueueConfig config;
        try {
            config = QueueConfigParser.restore(QueueConfig.defaults(QueueConfigParser.fifoRequested(attributes)),
                    attributes);
        } catch (RuntimeException e) {
            throw new IllegalArgumentException("queue " + address.arn() + ": " + e.getMessage(), e);
        }
        Queue q = Queue.restored(address, config, tags, createdAt, lastModifiedAt, nextSequence, clock, scheduler,
                directory);
        for (MessageSnapshot m : messages) {
            q.restoreMessage(m.toMessage(), m.delayedUntil());
        }
        return q;
    }
}
