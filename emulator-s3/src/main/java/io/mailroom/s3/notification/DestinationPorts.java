package io.mailroom.s3.notification;

import io.mailroom.core.delivery.QueueSink;
import io.mailroom.core.delivery.TopicPublisher;

/**
 * The other services events go to; either may be null when the server runs without it, and then none of
 * its resources exist as a destination.
 */
public record DestinationPorts(QueueSink queues, TopicPublisher topics) {
    public static final DestinationPorts NONE = new DestinationPorts(null, null);

    /**
     * Whether S3 could deliver there now: the queue or topic exists, in the bucket's region (S3 notifies
     * only destinations in its own region), and a queue is a standard one (S3 cannot send to FIFO queues,
     * https://docs.aws.amazon.com/AmazonS3/latest/userguide/notification-how-to-event-types-and-destinations.html).
     */
    public boolean reachable(Destination destination, String bucketRegion) {
        String[] arn = destination.arn().split(":", 6);
        if (arn.length != 6 || !arn[0].equals("arn") || !arn[3].equals(bucketRegion)) {
            return false;
        }
        if (destination instanceof Destination.Queue q) {
            return arn[2].equals("sqs") && queues != null && queues.exists(q.arn()) && !queues.isFifo(q.arn());
        }
        return arn[2].equals("sns") && topics != null && topics.exists(destination.arn());
    }
}
