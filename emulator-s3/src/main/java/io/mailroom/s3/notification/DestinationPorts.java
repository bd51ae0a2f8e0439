package io.mailroom.s3.notification;

import io.mailroom.core.delivery.QueueSink;
import io.mailroom.core.delivery.TopicPublisher;
import java.util.Optional;

/**
 * The other services events go to; either may be null when the server runs without it, and then none of
 * its resources exist as a destination.
 */
public record DestinationPorts(QueueSink queues, TopicPublisher topics) {
    public static final DestinationPorts NONE = new DestinationPorts(null, null);

    /** Whether S3 could deliver there now (see {@link #refusal}). */
    public boolean reachable(Destination destination, String bucketRegion) {
        return refusal(destination, bucketRegion).isEmpty();
    }

    /**
     * Why S3 could not deliver there now, in S3's words for the destination's {@code ArgumentValue}, or
     * empty when it could. The queue or topic must exist in the bucket's region (S3 notifies only
     * destinations in its own region, so one elsewhere is one S3 cannot find), and a queue must be a
     * standard one: S3 cannot send to FIFO queues
     * (https://docs.aws.amazon.com/AmazonS3/latest/userguide/notification-how-to-event-types-and-destinations.html),
     * and its test message to one fails as a message it may not send does.
     */
    public Optional<String> refusal(Destination destination, String bucketRegion) {
        String[] arn = destination.arn().split(":", 6);
        boolean inRegion = arn.length == 6 && arn[0].equals("arn") && arn[3].equals(bucketRegion);
        if (destination instanceof Destination.Function f) {
            return Optional.of("Not authorized to invoke function [" + f.arn() + "]");
        }
        if (destination instanceof Destination.Topic t) {
            boolean exists = inRegion && arn[2].equals("sns") && topics != null && topics.exists(t.arn());
            return exists ? Optional.empty() : Optional.of("The destination topic does not exist");
        }
        if (!inRegion || !arn[2].equals("sqs") || queues == null || !queues.exists(destination.arn())) {
            return Optional.of("The destination queue does not exist");
        }
        return queues.isFifo(destination.arn())
                ? Optional.of("Permissions on the destination queue do not allow S3 to publish notifications from"
                        + " this bucket")
                : Optional.empty();
    }
}
