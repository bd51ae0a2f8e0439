package io.mailroom.sns.publish;

import com.fasterxml.jackson.databind.JsonNode;
import io.mailroom.core.delivery.MessageAttribute;
import io.mailroom.core.request.RequestContext;
import io.mailroom.sns.SnsErrors;
import io.mailroom.sns.SnsState;
import io.mailroom.sns.arn.Arn;
import io.mailroom.sns.platform.PlatformEndpoint;
import io.mailroom.sns.sms.PhoneNumbers;
import io.mailroom.sns.topic.DeduplicationWindow;
import io.mailroom.sns.topic.Topic;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Pattern;

/** Accepts publishes (to a topic, a platform endpoint or a phone number) and hands them to delivery. */
public final class Publisher {
    /** 256 KiB, message plus attributes, for publishes to an endpoint or a phone number (topics have their own). */
    private static final int MAX_MESSAGE_BYTES = 262_144;
    /** The total size limit of one SMS publish. */
    public static final int MAX_SMS_CHARS = 1600;
    private static final Pattern FIFO_ID = Pattern.compile("[\\x21-\\x7E]{1,128}");

    private final SnsState state;

    public Publisher(SnsState state) {
        this.state = state;
    }

    /** One message as Publish or a PublishBatch entry gives it. */
    public record Entry(String message, String subject, String messageStructure, JsonNode attributes,
                        String groupId, String dedupId) {
    }

    /** What Publish answers. */
    public record Accepted(String messageId, String sequenceNumber) {
    }

    /**
     * A message's content validated.
     *
     * @param size the bytes of the message and its attributes (names, types and values)
     */
    public record Prepared(String message, Map<String, String> perProtocol, String subject,
                           Map<String, MessageAttribute> attributes, int size) {
    }

    /** A message checked for a topic, its FIFO group and de-duplication ids included, ready to be dispatched. */
    public record Checked(Prepared prepared, String groupId, String dedupId) {
    }

    public Accepted publish(RequestContext ctx, String topicArn, String targetArn, String phoneNumber, Entry entry) {
        int targets = (topicArn != null ? 1 : 0) + (targetArn != null ? 1 : 0) + (phoneNumber != null ? 1 : 0);
        if (targets == 0) {
            throw SnsErrors.invalid("TopicArn or TargetArn Reason: no value for required parameter");
        }
        if (targets > 1) {
            throw SnsErrors.invalid("TopicArn or TargetArn Reason: Only one of TopicArn, TargetArn or PhoneNumber can be set");
        }
        if (phoneNumber != null) {
            return toPhone(ctx, phoneNumber, entry);
        }
        if (targetArn != null) {
            Arn arn = SnsState.arn(targetArn, "TargetArn");
            if (arn.resource().startsWith("endpoint/")) {
                return toEndpoint(ctx, targetArn, entry);
            }
            return toTopic(ctx, state.topic(ctx, targetArn, "TargetArn"), entry);
        }
        return toTopic(ctx, state.topic(ctx, topicArn, "TopicArn"), entry);
    }

    /** Publishes one message to a topic. */
    public Accepted toTopic(RequestContext ctx, Topic topic, Entry entry) {
        return dispatch(ctx, topic, check(topic, entry));
    }

    /** Publishes for another service, with attributes already typed (standard topics; FIFO needs a group). */
    public Accepted toTopic(RequestContext ctx, Topic topic, String subject, String message,
                            Map<String, MessageAttribute> attributes) {
        Entry entry = new Entry(message, subject, null, null, topic.isFifo() ? "default" : null, null);
        Checked c = check(topic, entry);
        Prepared p = c.prepared();
        Prepared typed = new Prepared(p.message(), null, p.subject(), Map.copyOf(attributes), p.size());
        return dispatch(ctx, topic, new Checked(typed, c.groupId(), c.dedupId()));
    }

    /** Validates a message for a topic without publishing it: its content, then what FIFO asks of it. */
    public Checked check(Topic topic, Entry entry) {
        Prepared p = prepare(entry, topic.maximumMessageSize());
        String groupId = entry.groupId();
        String dedupId = entry.dedupId();
        if (topic.isFifo()) {
            if (groupId == null) {
                throw SnsErrors.invalid("The MessageGroupId parameter is required for FIFO topics");
            }
            checkFifoId("MessageGroupId", groupId);
            if (dedupId == null) {
                if (!topic.contentBasedDeduplication()) {
                    throw SnsErrors.invalid("The topic should either have ContentBasedDeduplication enabled or "
                            + "MessageDeduplicationId provided explicitly");
                }
                dedupId = sha256(entry.message());
            } else {
                checkFifoId("MessageDeduplicationId", dedupId);
            }
        } else {
            if (dedupId != null) {
                throw SnsErrors.invalid("MessageDeduplicationId Reason: The request includes MessageDeduplicationId "
                        + "parameter that is not valid for this topic type");
            }
            if (groupId != null) {
                // Standard topics forward a group id to SQS standard queues (fair queues), same rules as FIFO.
                checkFifoId("MessageGroupId", groupId);
            }
        }
        return new Checked(p, groupId, dedupId);
    }

    /** Publishes a checked message: FIFO de-duplication, then fan-out to the topic's subscriptions. */
    public Accepted dispatch(RequestContext ctx, Topic topic, Checked c) {
        if (!topic.isFifo()) {
            return deliver(ctx, topic, c);
        }
        synchronized (topic.fifoOrder()) {
            return deliver(ctx, topic, c);
        }
    }

    private Accepted deliver(RequestContext ctx, Topic topic, Checked c) {
        Prepared p = c.prepared();
        long now = state.clock.millis();
        String messageId = UUID.randomUUID().toString();
        String sequence = null;
        if (topic.isFifo()) {
            sequence = topic.nextSequenceNumber();
            String key = topic.deduplicateByGroup() ? c.groupId() + '\u0000' + c.dedupId() : c.dedupId();
            DeduplicationWindow.Seen earlier = topic.deduplication().putIfAbsent(key,
                    new DeduplicationWindow.Seen(messageId, sequence, now), now);
            if (earlier != null) {
                // A duplicate is accepted and answered like the original, but not delivered again.
                return new Accepted(earlier.messageId(), earlier.sequenceNumber());
            }
        }
        Notification n = new Notification(messageId, topic.arn(), p.message(), p.perProtocol(), p.subject(),
                p.attributes(), c.groupId(), c.dedupId(), sequence, now, ctx.endpoint(), ctx.accountId(),
                topic.region(), false);
        topic.archive().add(n, now);
        state.dispatcher.publish(topic, n);
        return new Accepted(messageId, sequence);
    }

    private Accepted toEndpoint(RequestContext ctx, String targetArn, Entry entry) {
        PlatformEndpoint endpoint = state.platforms.findEndpoint(targetArn).orElseThrow(() ->
                SnsErrors.invalid("TargetArn Reason: No endpoint found for the target arn specified"));
        Prepared p = prepare(entry, MAX_MESSAGE_BYTES);
        if (!endpoint.application().enabled()) {
            throw SnsErrors.PLATFORM_APPLICATION_DISABLED.exception("Platform application is disabled.");
        }
        if (!endpoint.enabled()) {
            throw SnsErrors.ENDPOINT_DISABLED.exception("Endpoint is disabled");
        }
        Notification n = new Notification(UUID.randomUUID().toString(), null, p.message(), p.perProtocol(),
                p.subject(), p.attributes(), null, null, null, state.clock.millis(), ctx.endpoint(), ctx.accountId(),
                ctx.region(), false);
        state.dispatcher.recordPush(ctx.accountId(), ctx.region(), endpoint, n, null, null);
        return new Accepted(n.messageId(), null);
    }

    private Accepted toPhone(RequestContext ctx, String phoneNumber, Entry entry) {
        if (!PhoneNumbers.isValid(phoneNumber)) {
            throw SnsErrors.invalid("PhoneNumber Reason: " + phoneNumber + " is not valid to publish to");
        }
        Prepared p = prepare(entry, MAX_MESSAGE_BYTES);
        if (p.message().length() > MAX_SMS_CHARS && p.perProtocol() == null) {
            throw SnsErrors.invalid("Message too long");
        }
        Notification n = new Notification(UUID.randomUUID().toString(), null, p.message(), p.perProtocol(),
                p.subject(), p.attributes(), null, null, null, state.clock.millis(), ctx.endpoint(), ctx.accountId(),
                ctx.region(), false);
        // An opted-out number is accepted but receives nothing, as on AWS.
        if (!state.sms.of(ctx.accountId(), ctx.region()).isOptedOut(phoneNumber)) {
            state.dispatcher.recordSms(ctx.accountId(), ctx.region(), phoneNumber, n, null, null);
        }
        return new Accepted(n.messageId(), null);
    }

    private static Prepared prepare(Entry entry, int maximumBytes) {
        String message = entry.message();
        if (message == null || message.isEmpty()) {
            throw SnsErrors.invalid("Empty message");
        }
        String subject = entry.subject();
        if (subject != null && !validSubject(subject)) {
            throw SnsErrors.invalid("Subject");
        }
        Map<String, String> perProtocol = MessageStructure.parse(entry.messageStructure(), message);
        Map<String, MessageAttribute> attributes = MessageAttributes.parse(entry.attributes());
        int size = message.getBytes(StandardCharsets.UTF_8).length + MessageAttributes.size(attributes);
        if (size > maximumBytes) {
            throw SnsErrors.invalid("Message too long");
        }
        return new Prepared(message, perProtocol, subject, attributes, size);
    }

    /** Subjects: 1–100 printable ASCII characters, no line breaks or control characters. */
    static boolean validSubject(String subject) {
        if (subject.isEmpty() || subject.length() > 100 || subject.isBlank()) {
            return false;
        }
        for (int i = 0; i < subject.length(); i++) {
            char c = subject.charAt(i);
            if (c < 0x20 || c > 0x7E) {
                return false;
            }
        }
        return true;
    }

    private static void checkFifoId(String member, String id) {
        if (!FIFO_ID.matcher(id).matches()) {
            throw SnsErrors.invalid(member + " Reason: " + member + " can only include alphanumeric and punctuation "
                    + "characters. 1 to 128 in length.");
        }
    }

    static String sha256(String message) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(message.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
