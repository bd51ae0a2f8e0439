package io.mailroom.sns.delivery;

import io.mailroom.core.delivery.QueueMessage;
import io.mailroom.core.error.AwsException;
import io.mailroom.sns.email.EmailMessage;
import io.mailroom.sns.publish.Notification;
import io.mailroom.sns.signing.MessageSigner;
import io.mailroom.sns.subscription.Subscription;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

/**
 * Sends SubscriptionConfirmation and UnsubscribeConfirmation messages, signed like notifications:
 * POSTed to HTTP/S endpoints (x-amz-sns-subscription-arn only with UnsubscribeConfirmation, as recorded on
 * AWS), mailed to email endpoints, or put in a queue of another account.
 */
public final class Confirmations {
    public static final String SUBSCRIPTION_CONFIRMATION = "SubscriptionConfirmation";
    public static final String UNSUBSCRIBE_CONFIRMATION = "UnsubscribeConfirmation";

    private final DeliveryPorts ports;
    private final HttpDelivery http;

    public Confirmations(DeliveryPorts ports) {
        this.ports = ports;
        this.http = new HttpDelivery(ports.clock(), ports.scheduler(), ports.http());
    }

    public void subscriptionConfirmation(Subscription s, String token, String endpoint) {
        String message = "You have chosen to subscribe to the topic " + s.topic().arn()
                + ".\nTo confirm the subscription, visit the SubscribeURL included in this message.";
        send(s, SUBSCRIPTION_CONFIRMATION, message, token, endpoint);
    }

    public void unsubscribeConfirmation(Subscription s, String token, String endpoint) {
        String message = "You have chosen to deactivate subscription " + s.arn()
                + ".\nTo cancel this operation and restore the subscription, visit the SubscribeURL included in this message.";
        send(s, UNSUBSCRIBE_CONFIRMATION, message, token, endpoint);
    }

    private void send(Subscription s, String type, String message, String token, String endpoint) {
        long now = ports.clock().millis();
        String messageId = UUID.randomUUID().toString();
        String timestamp = Notification.formatTimestamp(now);
        String topicArn = s.topic().arn();
        String subscribeUrl = SnsUrls.subscribe(endpoint, topicArn, token);
        var version = s.topic().signatureVersion();
        String signature = ports.signer().sign(version, MessageSigner.confirmationStringToSign(type, message, messageId,
                subscribeUrl, timestamp, token, topicArn));
        String json = Envelope.write(Envelope.confirmation(type, messageId, token, topicArn, message, subscribeUrl,
                timestamp, version.wireValue(), signature, SnsUrls.signingCert(endpoint)));
        DeliveryLog.Tracker tracker = s.deliveries().start(messageId);
        switch (s.protocol()) {
            case HTTP, HTTPS -> {
                Map<String, String> headers = new LinkedHashMap<>();
                headers.put("x-amz-sns-message-type", type);
                headers.put("x-amz-sns-message-id", messageId);
                headers.put("x-amz-sns-topic-arn", topicArn);
                if (type.equals(UNSUBSCRIBE_CONFIRMATION)) {
                    headers.put("x-amz-sns-subscription-arn", s.arn());
                }
                headers.put("Content-Type", DeliveryPolicy.DEFAULT_CONTENT_TYPE);
                headers.put("User-Agent", HttpDelivery.USER_AGENT);
                headers.put("Accept-Encoding", HttpDelivery.ACCEPT_ENCODING);
                DeliveryPolicy effective = DeliveryPolicy.effective(s.topic().deliveryPolicy(), s.settings().deliveryPolicy());
                // The throttle paces notifications; a confirmation request goes when it is asked for.
                http.start(URI.create(s.endpoint()), headers, json.getBytes(StandardCharsets.UTF_8), effective.retry(),
                        s.throttle(), null, tracker, () -> s.topic().subscriptionsBySeq().get(s.seq()) == s,
                        reason -> { });
            }
            case EMAIL, EMAIL_JSON -> {
                tracker.attempted(now);
                boolean asJson = s.protocol() == io.mailroom.sns.subscription.Protocol.EMAIL_JSON;
                String body = asJson ? json : "You have chosen to subscribe to the topic: \n" + topicArn
                        + "\n\nTo confirm this subscription, click or visit the link below (If this was in error no "
                        + "action is necessary): \nConfirm subscription: " + subscribeUrl + "\n";
                ports.email().send(new EmailMessage(s.topic().account(), s.topic().region(), Dispatcher.from(s.topic()),
                        s.endpoint(), "AWS Notification - Subscription Confirmation", body,
                        asJson ? "application/json" : "text/plain", topicArn, s.arn(), messageId, now));
                tracker.outcome(DeliveryStatus.RECORDED, 0, null);
            }
            case SQS -> {
                tracker.attempted(now);
                try {
                    ports.queues().send(s.endpoint(), new QueueMessage(json, Map.of(), null, null, Dispatcher.SNS_SENDER_ID));
                    tracker.outcome(DeliveryStatus.DELIVERED, 0, null);
                } catch (AwsException e) {
                    tracker.outcome(DeliveryStatus.FAILED, 0, e.getMessage());
                }
            }
            default -> tracker.outcome(DeliveryStatus.FAILED, 0, "protocol takes no confirmation");
        }
    }
}
