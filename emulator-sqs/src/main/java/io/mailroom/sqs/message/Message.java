package io.mailroom.sqs.message;

import java.util.HexFormat;
import java.util.UUID;

/**
 * A stored message. Kept compact because a queue may hold millions: what the sender gave, plus the few
 * fields receiving changes. The mutable fields are guarded by the owning queue's lock.
 */
public final class Message {
    private static final HexFormat HEX = HexFormat.of();

    private final long serial;
    private final long idHigh;
    private final long idLow;
    /** UTF-8, as {@link MessageBody#utf8()}: no {@code String} of it is kept, which answers would only encode again. */
    private final byte[] body;
    private final boolean bodyEscapeFree;
    /** The body's MD5 as two longs: its hex string would cost two more objects, 72 bytes, per stored message. */
    private final long md5High;
    private final long md5Low;
    private final MessageAttributes attributes;
    private final SystemAttributes systemAttributes;
    private final String senderId;
    private final long sentAt;
    private final String groupId;
    private final String deduplicationId;
    private final String sequenceNumber;
    private final String deadLetterSourceArn;

    private MessageState state;
    private long dueAt;
    private int receiveCount;
    private long firstReceivedAt;
    private long lastReceivedAt;
    private Object group;

    /** @param md5OfBody the body's digest as {@link AttributeDigest#ofBody} gives it: 32 hex digits */
    public Message(long serial, UUID messageId, MessageBody body, String md5OfBody, MessageAttributes attributes,
                   SystemAttributes systemAttributes, String senderId, long sentAt, String groupId,
                   String deduplicationId, String sequenceNumber, String deadLetterSourceArn, int receiveCount,
                   long firstReceivedAt) {
        this.serial = serial;
        this.idHigh = messageId.getMostSignificantBits();
        this.idLow = messageId.getLeastSignificantBits();
        this.body = body.utf8();
        this.bodyEscapeFree = body.escapeFree();
        this.md5High = HexFormat.fromHexDigitsToLong(md5OfBody, 0, 16);
        this.md5Low = HexFormat.fromHexDigitsToLong(md5OfBody, 16, 32);
        this.attributes = attributes;
        this.systemAttributes = systemAttributes;
        this.senderId = senderId;
        this.sentAt = sentAt;
        this.groupId = groupId;
        this.deduplicationId = deduplicationId;
        this.sequenceNumber = sequenceNumber;
        this.deadLetterSourceArn = deadLetterSourceArn;
        this.receiveCount = receiveCount;
        this.firstReceivedAt = firstReceivedAt;
    }

    /** Queue-local identity, used in receipt handles. */
    public long serial() {
        return serial;
    }

    /** Kept as two longs (a UUID string would cost 80 bytes per stored message); rendered on demand. */
    public UUID id() {
        return new UUID(idHigh, idLow);
    }

    public String messageId() {
        return id().toString();
    }

    public MessageBody body() {
        return MessageBody.stored(body, bodyEscapeFree);
    }

    /** Lower-case hex, as SQS returns it. */
    public String md5OfBody() {
        return HEX.toHexDigits(md5High) + HEX.toHexDigits(md5Low);
    }

    public MessageAttributes attributes() {
        return attributes;
    }

    public SystemAttributes systemAttributes() {
        return systemAttributes;
    }

    public String senderId() {
        return senderId;
    }

    public long sentAt() {
        return sentAt;
    }

    public String groupId() {
        return groupId;
    }

    public String deduplicationId() {
        return deduplicationId;
    }

    public String sequenceNumber() {
        return sequenceNumber;
    }

    public String deadLetterSourceArn() {
        return deadLetterSourceArn;
    }

    public MessageState state() {
        return state;
    }

    public void state(MessageState state) {
        this.state = state;
    }

    /** End of the delay (DELAYED) or of the visibility timeout (INFLIGHT). */
    public long dueAt() {
        return dueAt;
    }

    public void dueAt(long dueAt) {
        this.dueAt = dueAt;
    }

    public int receiveCount() {
        return receiveCount;
    }

    public long firstReceivedAt() {
        return firstReceivedAt;
    }

    public long lastReceivedAt() {
        return lastReceivedAt;
    }

    /** Records a receive: one more delivery, and the first-receive time if this is the first. */
    public void received(long now) {
        receiveCount++;
        lastReceivedAt = now;
        if (firstReceivedAt == 0) {
            firstReceivedAt = now;
        }
    }

    /** Takes back the last receive, whose answer reached nobody. */
    public void unreceived() {
        receiveCount--;
        if (receiveCount == 0) {
            firstReceivedAt = 0;
        }
    }

    /** The FIFO message group the queue filed it in (opaque here). */
    public Object group() {
        return group;
    }

    public void group(Object group) {
        this.group = group;
    }
}
