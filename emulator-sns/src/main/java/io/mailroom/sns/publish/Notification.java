package io.mailroom.sns.publish;

import io.mailroom.core.delivery.MessageAttribute;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Map;

/**
 * One accepted publish, as every subscription's delivery sees it.
 *
 * @param perProtocol  with MessageStructure=json: the message per protocol key (default included), else null
 * @param endpoint     the base URL the publisher used, for the URLs in the envelope
 * @param groupId      FIFO message group (or a standard topic's group for SQS fair queues), or null
 * @param dedupId      FIFO de-duplication id (explicit or content-based), or null
 * @param sequenceNumber FIFO sequence number, or null
 * @param replayed     redelivered from the topic's archive to a subscription with a ReplayPolicy
 */
public record Notification(String messageId, String topicArn, String message, Map<String, String> perProtocol,
                           String subject, Map<String, MessageAttribute> attributes, String groupId, String dedupId,
                           String sequenceNumber, long timestampMillis, String endpoint, String accountId,
                           String region, boolean replayed) {

    private static final DateTimeFormatter ISO_MILLIS =
            DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSS'Z'").withZone(ZoneOffset.UTC);

    /** The same message, its id and timestamp included, as a replay from the archive delivers it. */
    public Notification asReplayed() {
        return new Notification(messageId, topicArn, message, perProtocol, subject, attributes, groupId, dedupId,
                sequenceNumber, timestampMillis, endpoint, accountId, region, true);
    }

    /** The message for a protocol key ({@code sqs}, {@code http}, {@code APNS}...), falling back to default. */
    public String messageFor(String key) {
        if (perProtocol == null) {
            return message;
        }
        String own = perProtocol.get(key);
        return own != null ? own : perProtocol.get("default");
    }

    public boolean structured() {
        return perProtocol != null;
    }

    /** The Timestamp field: ISO-8601 with milliseconds, UTC. */
    public String timestamp() {
        return formatTimestamp(timestampMillis);
    }

    public static String formatTimestamp(long millis) {
        return ISO_MILLIS.format(Instant.ofEpochMilli(millis));
    }
}
