package io.mailroom.sns.delivery;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.NullNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.mailroom.core.delivery.MessageAttribute;
import io.mailroom.core.delivery.QueueMessage;
import io.mailroom.core.error.AwsException;
import io.mailroom.sns.email.EmailMessage;
import io.mailroom.sns.filter.FilterInput;
import io.mailroom.sns.filter.FilterPolicy;
import io.mailroom.sns.platform.PlatformEndpoint;
import io.mailroom.sns.platform.PlatformEvent;
import io.mailroom.sns.publish.Notification;
import io.mailroom.sns.subscription.Protocol;
import io.mailroom.sns.subscription.Subscription;
import io.mailroom.sns.subscription.SubscriptionSettings;
import io.mailroom.sns.topic.Topic;
import io.mailroom.sns.topic.TopicAttributes;
import io.mailroom.sns.topic.TopicRegistry;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * Fans a published message out to a topic's subscriptions. Filters are compiled and the message's
 * filter input is built once. Deliveries that need no signature (FIFO topics, raw SQS/HTTP, SMS, push)
 * happen at once, so FIFO order is kept; the rest are signed once per message text and delivered in
 * one task on the signing executor, keeping the RSA signing off the publisher's path.
 */
public final class Dispatcher {
    /** The SenderId SQS shows for messages SNS delivers. */
    public static final String SNS_SENDER_ID = "AIDAIT2UOQQY3AUEKVGXU";
    /** SQS takes at most 10 message attributes; raw delivery of more fails as a client error. */
    private static final int SQS_MAX_ATTRIBUTES = 10;

    private final DeliveryPorts ports;
    private final HttpDelivery http;
    private final TopicRegistry topics;
    /**
     * Set while an application event is delivered on this thread: an event topic that pushes to a disabled endpoint
     * of the same application would otherwise announce the failure to deliver the failure, without end.
     */
    private static final ThreadLocal<Boolean> ANNOUNCING = ThreadLocal.withInitial(() -> false);

    /** @param topics where application events go (a platform application names its event topics) */
    public Dispatcher(DeliveryPorts ports, TopicRegistry topics) {
        this.ports = ports;
        this.topics = topics;
        this.http = new HttpDelivery(ports.clock(), ports.scheduler(), ports.http());
    }

    public void publish(Topic topic, Notification n) {
        List<Subscription> subscribers = topic.subscribers();
        if (subscribers.isEmpty()) {
            return;
        }
        FilterInput input = new FilterInput(n.attributes(), n.message());
        NotificationSignatures signatures = new NotificationSignatures(ports.signer(), topic.signatureVersion(), n);
        List<Runnable> signed = null;
        for (Subscription s : subscribers) {
            if (s.isPending() || !s.takesNewMessage(n.timestampMillis())) {
                continue;
            }
            SubscriptionSettings settings = s.settings();
            FilterPolicy filter = settings.filter();
            if (filter != null && !filter.matches(input)) {
                continue;
            }
            if (topic.isFifo() || !needsSignature(s.protocol(), settings)) {
                deliver(topic, s, settings, n, signatures);
            } else {
                if (signed == null) {
                    signed = new ArrayList<>();
                }
                signed.add(() -> deliver(topic, s, settings, n, signatures));
            }
        }
        if (signed != null) {
            List<Runnable> batch = signed;
            ports.signing().execute(() -> batch.forEach(Runnable::run));
        }
    }

    /**
     * Redelivers archived messages of a FIFO topic to one subscription, in the order they were published, as its
     * filter policy lets them (https://docs.aws.amazon.com/sns/latest/dg/message-archiving-and-replay-subscriber.html).
     */
    public void replay(Topic topic, Subscription s, List<Notification> archived) {
        SubscriptionSettings settings = s.settings();
        FilterPolicy filter = settings.filter();
        for (Notification original : archived) {
            if (filter == null || filter.matches(new FilterInput(original.attributes(), original.message()))) {
                Notification n = original.asReplayed();
                deliver(topic, s, settings, n, new NotificationSignatures(ports.signer(), topic.signatureVersion(), n));
            }
        }
    }

    private static boolean needsSignature(Protocol protocol, SubscriptionSettings settings) {
        return switch (protocol) {
            case SQS, HTTP, HTTPS, FIREHOSE -> !settings.rawMessageDelivery();
            case EMAIL_JSON, LAMBDA -> true;
            case EMAIL, SMS, APPLICATION -> false;
        };
    }

    private void deliver(Topic topic, Subscription s, SubscriptionSettings settings, Notification n,
                         NotificationSignatures signatures) {
        DeliveryLog.Tracker tracker = s.deliveries().start(n.messageId());
        try {
            switch (s.protocol()) {
                case SQS -> toQueue(topic, s, settings, n, signatures, tracker);
                case HTTP, HTTPS -> toHttp(topic, s, settings, n, signatures, tracker);
                case EMAIL -> toEmail(topic, s, n, tracker, false, null);
                case EMAIL_JSON -> toEmail(topic, s, n, tracker, true, envelope(topic, s, n, "email-json", signatures));
                case SMS -> toSms(s, n, tracker);
                case APPLICATION -> toPush(s, n, tracker);
                case LAMBDA -> toLambda(topic, s, n, signatures, tracker);
                case FIREHOSE -> toFirehose(topic, s, settings, n, signatures, tracker);
            }
        } catch (RuntimeException e) {
            tracker.outcome(DeliveryStatus.FAILED, 0, e.getMessage());
        }
    }

    private String envelope(Topic topic, Subscription s, Notification n, String protocolKey,
                            NotificationSignatures signatures) {
        String message = n.messageFor(protocolKey);
        String signature = topic.isFifo() ? null : signatures.of(message);
        return Envelope.write(Envelope.notification(n.messageId(), n.sequenceNumber(), n.topicArn(), n.subject(),
                message, n.timestamp(), signatures.version().wireValue(), signature, SnsUrls.signingCert(n.endpoint()),
                SnsUrls.unsubscribe(n.endpoint(), s.arn()), n.attributes(), n.replayed()));
    }

    private void toQueue(Topic topic, Subscription s, SubscriptionSettings settings, Notification n,
                         NotificationSignatures signatures, DeliveryLog.Tracker tracker) {
        boolean raw = settings.rawMessageDelivery();
        String body = raw ? n.messageFor("sqs") : envelope(topic, s, n, "sqs", signatures);
        Map<String, MessageAttribute> attributes = raw ? n.attributes() : Map.of();
        tracker.attempted(ports.clock().millis());
        if (attributes.size() > SQS_MAX_ATTRIBUTES) {
            fail(s, settings, n, body, Map.of(), tracker, "Number of message attributes [" + attributes.size()
                    + "] exceeds the allowed maximum [10].");
            return;
        }
        try {
            ports.queues().send(s.endpoint(), queueMessage(s.endpoint(), body, attributes, n));
            tracker.outcome(DeliveryStatus.DELIVERED, 0, null);
        } catch (AwsException e) {
            fail(s, settings, n, body, attributes, tracker, e.getMessage());
        }
    }

    /** FIFO queues get the group and de-duplication id; standard queues only a standard topic's group. */
    private static QueueMessage queueMessage(String queueArn, String body, Map<String, MessageAttribute> attributes,
                                             Notification n) {
        boolean fifoQueue = queueArn.endsWith(".fifo");
        boolean fifoTopic = n.sequenceNumber() != null;
        String group = fifoQueue || !fifoTopic ? n.groupId() : null;
        String dedup = fifoQueue ? n.dedupId() : null;
        return new QueueMessage(body, attributes, group, dedup, SNS_SENDER_ID);
    }

    private void toHttp(Topic topic, Subscription s, SubscriptionSettings settings, Notification n,
                        NotificationSignatures signatures, DeliveryLog.Tracker tracker) {
        boolean raw = settings.rawMessageDelivery();
        String body = raw ? n.messageFor(s.protocol().wireName()) : envelope(topic, s, n, s.protocol().wireName(), signatures);
        DeliveryPolicy effective = DeliveryPolicy.effective(topic.deliveryPolicy(), settings.deliveryPolicy());
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put("x-amz-sns-message-type", "Notification");
        headers.put("x-amz-sns-message-id", n.messageId());
        headers.put("x-amz-sns-topic-arn", n.topicArn());
        headers.put("x-amz-sns-subscription-arn", s.arn());
        if (raw) {
            headers.put("x-amz-sns-rawdelivery", "true");
        }
        headers.put("Content-Type", effective.contentType());
        headers.put("User-Agent", HttpDelivery.USER_AGENT);
        headers.put("Accept-Encoding", HttpDelivery.ACCEPT_ENCODING);
        http.start(URI.create(s.endpoint()), headers, body.getBytes(StandardCharsets.UTF_8), effective.retry(),
                s.throttle(), effective.maxReceivesPerSecond(), tracker,
                () -> s.topic().subscriptionsBySeq().get(s.seq()) == s,
                reason -> redrive(s, settings, n, body, raw ? n.attributes() : Map.of(), tracker, reason));
    }

    private void toEmail(Topic topic, Subscription s, Notification n, DeliveryLog.Tracker tracker, boolean json,
                         String envelope) {
        tracker.attempted(ports.clock().millis());
        String subject = n.subject() != null ? n.subject() : "AWS Notification Message";
        String body = json ? envelope : n.messageFor("email") + "\n\n--\nIf you wish to stop receiving notifications "
                + "from this topic, please click or visit the link below to unsubscribe:\n"
                + SnsUrls.unsubscribe(n.endpoint(), s.arn()) + "\n\nPlease do not reply directly to this email. If you "
                + "have any questions or comments regarding this email, please contact us at "
                + "https://aws.amazon.com/support\n";
        ports.email().send(new EmailMessage(n.accountId(), topic.region(), from(topic), s.endpoint(), subject, body,
                json ? "application/json" : "text/plain", topic.arn(), s.arn(), n.messageId(), n.timestampMillis()));
        tracker.outcome(DeliveryStatus.RECORDED, 0, null);
    }

    static String from(Topic topic) {
        String display = topic.attributes().getOrDefault(TopicAttributes.DISPLAY_NAME, "");
        return (display.isEmpty() ? "AWS Notifications" : display) + " <no-reply@sns.amazonaws.com>";
    }

    private void toSms(Subscription s, Notification n, DeliveryLog.Tracker tracker) {
        tracker.attempted(ports.clock().millis());
        String region = s.topic().region();
        if (ports.smsAccounts().of(s.topic().account(), region).isOptedOut(s.endpoint())) {
            tracker.outcome(DeliveryStatus.FAILED, 0, "Phone number is opted out");
            return;
        }
        recordSms(s.topic().account(), region, s.endpoint(), n, n.topicArn(), s.arn());
        tracker.outcome(DeliveryStatus.RECORDED, 0, null);
    }

    /** Records an SMS (direct publish to a phone number, or an sms subscription). */
    public void recordSms(String account, String region, String phoneNumber, Notification n, String topicArn,
                          String subscriptionArn) {
        ObjectNode e = JsonNodeFactory.instance.objectNode();
        e.put("PhoneNumber", phoneNumber);
        e.put("TopicArn", topicArn);
        e.put("SubscriptionArn", subscriptionArn);
        e.put("MessageId", n.messageId());
        e.put("Message", n.messageFor("sms"));
        e.set("MessageAttributes", Envelope.attributes(n.attributes()));
        e.put("MessageStructure", n.structured() ? "json" : null);
        e.put("Subject", n.subject());
        ports.sms().record(account, region, phoneNumber, e);
    }

    private void toPush(Subscription s, Notification n, DeliveryLog.Tracker tracker) {
        tracker.attempted(ports.clock().millis());
        Optional<PlatformEndpoint> endpoint = ports.platforms().findEndpoint(s.endpoint());
        if (endpoint.isEmpty() || !endpoint.get().enabled() || !endpoint.get().application().enabled()) {
            tracker.outcome(DeliveryStatus.FAILED, 0, endpoint.isEmpty() ? "Endpoint does not exist" : "Endpoint is disabled");
            if (endpoint.isPresent() && !endpoint.get().enabled()) {
                publishEvent(PlatformEvent.endpointDisabled(endpoint.get(), ports.clock().millis(), n.messageId()),
                        n.endpoint());
            }
            return;
        }
        recordPush(s.topic().account(), s.topic().region(), endpoint.get(), n, n.topicArn(), s.arn());
        tracker.outcome(DeliveryStatus.RECORDED, 0, null);
    }

    /**
     * Publishes an application event to the topic its platform application names for it, if it names one that
     * exists; the notification is SNS's own, so no publish rule (size, FIFO group) applies to it.
     *
     * @param baseUrl the server's URL as the request or delivery that caused the event knew it, for the envelope
     */
    public void publishEvent(PlatformEvent event, String baseUrl) {
        String arn = event.topicArn();
        Topic topic = arn == null ? null : topics.find(arn).orElse(null);
        // A FIFO topic takes messages with a group only, and application subscriptions not at all.
        if (topic == null || topic.isFifo() || ANNOUNCING.get()) {
            return;
        }
        ANNOUNCING.set(true);
        try {
            publish(topic, new Notification(UUID.randomUUID().toString(), topic.arn(), event.message(), null,
                    event.subject(), Map.of(), null, null, null, ports.clock().millis(), baseUrl, topic.account(),
                    topic.region(), false));
        } finally {
            ANNOUNCING.set(false);
        }
    }

    /** Records a push message (direct publish to an endpoint, or an application subscription). */
    public void recordPush(String account, String region, PlatformEndpoint endpoint, Notification n, String topicArn,
                           String subscriptionArn) {
        ObjectNode e = JsonNodeFactory.instance.objectNode();
        e.put("TargetArn", endpoint.arn());
        e.put("TopicArn", topicArn);
        e.put("SubscriptionArn", subscriptionArn);
        e.put("MessageId", n.messageId());
        e.put("Message", n.structured() ? n.messageFor(endpoint.application().platform().name()) : n.message());
        if (n.attributes().isEmpty()) {
            e.set("MessageAttributes", NullNode.instance);
        } else {
            e.set("MessageAttributes", Envelope.attributes(n.attributes()));
        }
        e.put("MessageStructure", n.structured() ? "json" : null);
        e.put("Subject", n.subject());
        ports.push().record(account, region, endpoint.arn(), e);
    }

    /** The event Lambda would be invoked with (note Lambda's own spelling: SigningCertUrl, UnsubscribeUrl). */
    private void toLambda(Topic topic, Subscription s, Notification n, NotificationSignatures signatures,
                          DeliveryLog.Tracker tracker) {
        tracker.attempted(ports.clock().millis());
        String message = n.messageFor("lambda");
        ObjectNode event = JsonNodeFactory.instance.objectNode();
        ObjectNode record = event.putArray("Records").addObject();
        record.put("EventSource", "aws:sns");
        record.put("EventVersion", "1.0");
        record.put("EventSubscriptionArn", s.arn());
        ObjectNode sns = record.putObject("Sns");
        sns.put("Type", "Notification");
        sns.put("MessageId", n.messageId());
        if (n.sequenceNumber() != null) {
            sns.put("SequenceNumber", n.sequenceNumber());
        }
        sns.put("TopicArn", n.topicArn());
        sns.put("Subject", n.subject());
        sns.put("Message", message);
        sns.put("Timestamp", n.timestamp());
        if (!topic.isFifo()) {
            sns.put("SignatureVersion", signatures.version().wireValue());
            sns.put("Signature", signatures.of(message));
            sns.put("SigningCertUrl", SnsUrls.signingCert(n.endpoint()));
        }
        sns.put("UnsubscribeUrl", SnsUrls.unsubscribe(n.endpoint(), s.arn()));
        sns.set("MessageAttributes", Envelope.attributes(n.attributes()));
        ports.lambda().record(topic.account(), topic.region(), s.endpoint(), event);
        tracker.outcome(DeliveryStatus.RECORDED, 0, null);
    }

    private void toFirehose(Topic topic, Subscription s, SubscriptionSettings settings, Notification n,
                            NotificationSignatures signatures, DeliveryLog.Tracker tracker) {
        tracker.attempted(ports.clock().millis());
        String data = settings.rawMessageDelivery() ? n.messageFor("firehose") : envelope(topic, s, n, "firehose", signatures);
        ObjectNode record = JsonNodeFactory.instance.objectNode();
        record.put("DeliveryStreamArn", s.endpoint());
        record.put("SubscriptionArn", s.arn());
        record.put("MessageId", n.messageId());
        record.put("Data", data);
        ports.firehose().record(topic.account(), topic.region(), s.endpoint(), record);
        tracker.outcome(DeliveryStatus.RECORDED, 0, null);
    }

    private void fail(Subscription s, SubscriptionSettings settings, Notification n, String body,
                      Map<String, MessageAttribute> attributes, DeliveryLog.Tracker tracker, String reason) {
        tracker.outcome(DeliveryStatus.FAILED, 0, reason);
        redrive(s, settings, n, body, attributes, tracker, reason);
    }

    /**
     * Sends an undeliverable message to the subscription's dead-letter queue, with the error as
     * message attributes as SNS does (https://docs.aws.amazon.com/sns/latest/dg/sns-dead-letter-queues.html).
     */
    private void redrive(Subscription s, SubscriptionSettings settings, Notification n, String body,
                         Map<String, MessageAttribute> attributes, DeliveryLog.Tracker tracker, String reason) {
        if (settings.redrivePolicy() == null) {
            return;
        }
        String dlq = settings.redrivePolicy().deadLetterTargetArn();
        Map<String, MessageAttribute> dlqAttributes = new LinkedHashMap<>(attributes);
        if (dlqAttributes.size() <= SQS_MAX_ATTRIBUTES - 3) {
            dlqAttributes.put("RequestID", MessageAttribute.string("String", n.messageId()));
            dlqAttributes.put("ErrorCode", MessageAttribute.string("String", "EndpointUnavailable"));
            dlqAttributes.put("ErrorMessage", MessageAttribute.string("String", reason == null ? "" : reason));
        }
        try {
            ports.queues().send(dlq, queueMessage(dlq, body, dlqAttributes, n));
            tracker.outcome(DeliveryStatus.REDRIVEN, tracker.snapshot().lastHttpStatus(), reason);
        } catch (AwsException e) {
            tracker.outcome(DeliveryStatus.FAILED, tracker.snapshot().lastHttpStatus(),
                    reason + "; dead-letter queue refused it: " + e.getMessage());
        }
    }
}
