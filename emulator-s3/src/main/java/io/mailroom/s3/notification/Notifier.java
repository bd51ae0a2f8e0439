package io.mailroom.s3.notification;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.mailroom.core.delivery.QueueMessage;
import io.mailroom.core.error.AwsException;
import io.mailroom.s3.bucket.Bucket;
import io.mailroom.s3.object.StoredObject;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Sends a bucket's events to its configured destinations, one message per matching configuration, on the
 * request's thread (the sinks only enqueue). A destination that has gone away loses the event, as in AWS,
 * where S3 does not retry undeliverable notifications.
 */
public final class Notifier {
    /**
     * The {@code SenderId} of the messages S3 puts into queues: S3's service principal, not the bucket
     * owner.
     */
    public static final String S3_SENDER_ID = "AIDAJQR6QDGQ7PATMSYEY";
    private static final Logger LOG = LoggerFactory.getLogger(Notifier.class);

    private final DestinationPorts ports;
    private final Sequencer sequencer;

    public Notifier(DestinationPorts ports, Sequencer sequencer) {
        this.ports = ports;
        this.sequencer = sequencer;
    }

    public DestinationPorts ports() {
        return ports;
    }

    /** Raises {@code event} for {@code object} (the object created or changed, or the one removed). */
    public void objectEvent(Bucket bucket, S3Event event, StoredObject object, Origin origin) {
        raise(bucket, event, object.key(), event.removesObject() ? null : object, origin);
    }

    /**
     * Raises s3:ObjectRemoved:Delete for a key DeleteObjects named, whether or not it held an object: S3
     * notifies every key of the batch (as AWS's recorded answers show), unlike a DeleteObject of a missing key.
     */
    public void batchKeyDeleted(Bucket bucket, String key, Origin origin) {
        raise(bucket, S3Event.OBJECT_REMOVED_DELETE, key, null, origin);
    }

    private void raise(Bucket bucket, S3Event event, String key, StoredObject object, Origin origin) {
        var rules = bucket.notifications().matching(event, key);
        if (rules.isEmpty()) {
            return;
        }
        String seq = event.reportsSequencer() ? sequencer.next() : null;
        for (NotificationRule rule : rules) {
            send(rule.destination(), EventMessages.record(bucket, event, rule.id(), key, object, seq, origin), origin);
        }
    }

    /** Sends {@code s3:TestEvent} once to every destination of the bucket's configuration. */
    public void testEvents(Bucket bucket, Origin origin) {
        Set<Destination> destinations = new LinkedHashSet<>();
        bucket.notifications().rules().forEach(r -> destinations.add(r.destination()));
        for (Destination d : destinations) {
            send(d, EventMessages.testEvent(bucket, origin), origin);
        }
    }

    private void send(Destination destination, ObjectNode message, Origin origin) {
        String body = message.toString();
        try {
            if (destination instanceof Destination.Queue q && ports.queues() != null) {
                ports.queues().send(q.arn(), new QueueMessage(body, Map.of(), null, null, S3_SENDER_ID,
                        origin.traceHeader()));
            } else if (destination instanceof Destination.Topic t && ports.topics() != null) {
                ports.topics().publish(t.arn(), EventMessages.SUBJECT, body, Map.of());
            }
        } catch (AwsException e) {
            LOG.warn("S3 event to {} lost: {} {}", destination.arn(), e.error().code(), e.getMessage());
        }
    }
}
