package io.mailroom.it;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.mailroom.core.time.ServerClock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.ses.model.EventType;
import software.amazon.awssdk.services.ses.model.NotificationType;
import software.amazon.awssdk.services.ses.model.SendEmailRequest;

/**
 * The monitoring pattern AWS documents for SES
 * (https://docs.aws.amazon.com/ses/latest/dg/monitor-sending-activity-using-notifications-sns.html): a domain
 * identity's bounce and delivery notifications go to SNS topics, SQS queues subscribed to them receive the
 * AWS-format notification JSON; plus event publishing through a configuration set's SNS event destination.
 */
class SesMonitoringIT {
    private static final SesClients.Account A = SesClients.account("210000000001");
    private static final String SENDER = "sender@example.com";
    private static final String BOUNCE = "bounce@simulator.amazonses.com";
    private static final String SUCCESS = "success@simulator.amazonses.com";

    private static SesClients.Feed bounces;
    private static SesClients.Feed deliveries;
    private static SesClients.Feed complaints;

    @BeforeAll
    static void monitoredDomain() {
        String token = A.ses().verifyDomainIdentity(b -> b.domain("example.com")).verificationToken();
        assertThat(token).isNotBlank();
        bounces = A.feed("ses-bounces");
        deliveries = A.feed("ses-deliveries");
        complaints = A.feed("ses-complaints");
        A.ses().setIdentityNotificationTopic(b -> b.identity("example.com").notificationType(NotificationType.BOUNCE)
                .snsTopic(bounces.topicArn()));
        A.ses().setIdentityNotificationTopic(b -> b.identity("example.com").notificationType(NotificationType.DELIVERY)
                .snsTopic(deliveries.topicArn()));
        A.ses().setIdentityNotificationTopic(b -> b.identity("example.com")
                .notificationType(NotificationType.COMPLAINT).snsTopic(complaints.topicArn()));
    }

    private static String send(String to, String subject) {
        return send(SendEmailRequest.builder().source(SENDER).destination(d -> d.toAddresses(to))
                .message(m -> m.subject(s -> s.data(subject)).body(b -> b.text(t -> t.data("Hello " + to)))).build());
    }

    private static String send(SendEmailRequest request) {
        return A.ses().sendEmail(request).messageId();
    }

    @Test
    void notificationTopicsAreReportedByTheIdentity() {
        var attrs = A.ses().getIdentityNotificationAttributes(b -> b.identities("example.com"))
                .notificationAttributes().get("example.com");
        assertThat(attrs.bounceTopic()).isEqualTo(bounces.topicArn());
        assertThat(attrs.deliveryTopic()).isEqualTo(deliveries.topicArn());
        assertThat(attrs.complaintTopic()).isEqualTo(complaints.topicArn());
        assertThat(attrs.forwardingEnabled()).isTrue();
    }

    @Test
    void bounceAndDeliveryNotificationsReachTheQueues() {
        String bounced = send(BOUNCE, "bounce me");
        String delivered = send(SUCCESS, "deliver me");

        JsonNode bounce = bounces.await(bounced);
        assertThat(bounce.path("notificationType").asText()).isEqualTo("Bounce");
        JsonNode b = bounce.path("bounce");
        assertThat(b.path("bounceType").asText()).isEqualTo("Permanent");
        assertThat(b.path("bounceSubType").asText()).isEqualTo("General");
        assertThat(b.path("bouncedRecipients")).hasSize(1);
        assertThat(b.path("bouncedRecipients").get(0).path("emailAddress").asText()).isEqualTo(BOUNCE);
        assertThat(b.path("bouncedRecipients").get(0).path("status").asText()).startsWith("5.");
        assertThat(b.path("feedbackId").asText()).isNotBlank();
        assertThat(Instant.parse(b.path("timestamp").asText())).isNotNull();
        JsonNode mail = bounce.path("mail");
        assertThat(mail.path("messageId").asText()).isEqualTo(bounced);
        assertThat(mail.path("source").asText()).isEqualTo(SENDER);
        assertThat(mail.path("sourceArn").asText()).isEqualTo(A.identityArn("example.com"));
        assertThat(mail.path("sendingAccountId").asText()).isEqualTo(A.id());
        assertThat(mail.path("destination")).extracting(JsonNode::asText).containsExactly(BOUNCE);
        assertThat(Instant.parse(mail.path("timestamp").asText())).isNotNull();
        // Headers are only included once enabled for the type (off by default).
        assertThat(mail.has("headers")).isFalse();

        JsonNode delivery = deliveries.await(delivered);
        assertThat(delivery.path("notificationType").asText()).isEqualTo("Delivery");
        JsonNode d = delivery.path("delivery");
        assertThat(d.path("recipients")).extracting(JsonNode::asText).containsExactly(SUCCESS);
        assertThat(d.path("smtpResponse").asText()).startsWith("250");
        assertThat(d.path("processingTimeMillis").isNumber()).isTrue();
        assertThat(d.path("reportingMTA").asText()).isNotBlank();
        assertThat(delivery.path("mail").path("messageId").asText()).isEqualTo(delivered);
        assertThat(delivery.path("mail").path("source").asText()).isEqualTo(SENDER);
        assertThat(delivery.path("mail").path("destination")).extracting(JsonNode::asText).containsExactly(SUCCESS);

        // Neither send produced feedback of the other kind, nor complaints.
        awaitQuiet();
        assertThat(bounces.now(delivered)).isEmpty();
        assertThat(deliveries.now(bounced)).isEmpty();
        assertThat(complaints.now(bounced)).isEmpty();
        assertThat(complaints.now(delivered)).isEmpty();
    }

    @Test
    void oneSendToBothMailboxesSplitsIntoBounceAndDelivery() {
        String id = send(SendEmailRequest.builder().source("Sender <" + SENDER + ">")
                .destination(d -> d.toAddresses(SUCCESS).ccAddresses(BOUNCE))
                .message(m -> m.subject(s -> s.data("split")).body(b -> b.html(h -> h.data("<p>hi</p>")))).build());
        JsonNode bounce = bounces.await(id);
        JsonNode delivery = deliveries.await(id);
        assertThat(bounce.path("bounce").path("bouncedRecipients").get(0).path("emailAddress").asText())
                .isEqualTo(BOUNCE);
        assertThat(delivery.path("delivery").path("recipients")).extracting(JsonNode::asText).containsExactly(SUCCESS);
        assertThat(bounce.path("mail").path("destination")).extracting(JsonNode::asText)
                .containsExactlyInAnyOrder(SUCCESS, BOUNCE);
        assertThat(bounce.path("mail").path("source").asText()).isEqualTo(SENDER);
    }

    @Test
    void headersInBounceNotificationsOnceEnabled() {
        A.ses().setIdentityHeadersInNotificationsEnabled(b -> b.identity("example.com")
                .notificationType(NotificationType.BOUNCE).enabled(true));
        try {
            String id = send(BOUNCE, "with headers");
            JsonNode mail = bounces.await(id).path("mail");
            assertThat(mail.path("headersTruncated").asBoolean(true)).isFalse();
            List<String> names = new ArrayList<>();
            mail.path("headers").forEach(h -> names.add(h.path("name").asText()));
            // The headers as handed to SES: the Message-ID and Date it stamps on sending are not among them.
            assertThat(names).contains("From", "To", "Subject", "MIME-Version").doesNotContain("Message-ID", "Date");
            JsonNode common = mail.path("commonHeaders");
            assertThat(common.path("from")).extracting(JsonNode::asText).containsExactly(SENDER);
            assertThat(common.path("to")).extracting(JsonNode::asText).containsExactly(BOUNCE);
            assertThat(common.path("subject").asText()).isEqualTo("with headers");
            assertThat(common.path("messageId").asText()).isEqualTo(id);
        } finally {
            A.ses().setIdentityHeadersInNotificationsEnabled(b -> b.identity("example.com")
                    .notificationType(NotificationType.BOUNCE).enabled(false));
        }
    }

    @Test
    void complaintMailboxIsDeliveredThenComplains() {
        String id = send("complaint@simulator.amazonses.com", "spam?");
        JsonNode complaint = complaints.await(id);
        assertThat(complaint.path("notificationType").asText()).isEqualTo("Complaint");
        assertThat(complaint.path("complaint").path("complainedRecipients").get(0).path("emailAddress").asText())
                .isEqualTo("complaint@simulator.amazonses.com");
        assertThat(complaint.path("complaint").path("complaintFeedbackType").asText()).isEqualTo("abuse");
        assertThat(deliveries.await(id).path("notificationType").asText()).isEqualTo("Delivery");
    }

    @Test
    void eventPublishingThroughAConfigurationSetSnsDestination() {
        SesClients.Feed events = A.feed("ses-events");
        String set = SesClients.name("monitoring");
        A.ses().createConfigurationSet(b -> b.configurationSet(c -> c.name(set)));
        A.ses().createConfigurationSetEventDestination(b -> b.configurationSetName(set).eventDestination(d -> d
                .name("to-sns").enabled(true).matchingEventTypes(EventType.SEND, EventType.DELIVERY, EventType.BOUNCE)
                .snsDestination(s -> s.topicARN(events.topicArn()))));
        // SES first proves it can publish to the topic: a plain-text message without a subject, as AWS recorded.
        SesClients.Notification validated = events.awaitText();
        assertThat(validated.message().asText())
                .isEqualTo("Successfully validated SNS topic for Amazon SES event publishing.");
        assertThat(validated.subject()).isNull();

        String delivered = send(SendEmailRequest.builder().source(SENDER).destination(d -> d.toAddresses(SUCCESS))
                .configurationSetName(set).tags(t -> t.name("campaign").value("spring"))
                .message(m -> m.subject(s -> s.data("evented")).body(b -> b.text(t -> t.data("x")))).build());
        String bounced = send(SendEmailRequest.builder().source(SENDER).destination(d -> d.toAddresses(BOUNCE))
                .configurationSetName(set)
                .message(m -> m.subject(s -> s.data("evented")).body(b -> b.text(t -> t.data("x")))).build());

        List<SesClients.Notification> envelopes = new ArrayList<>(events.awaitNotifications(delivered, 2));
        envelopes.addAll(events.awaitNotifications(bounced, 2));
        assertThat(envelopes).extracting(SesClients.Notification::subject)
                .containsOnly("Amazon SES Email Event Notification");
        List<JsonNode> forDelivered = envelopes.subList(0, 2).stream().map(SesClients.Notification::message).toList();
        List<JsonNode> forBounced = envelopes.subList(2, 4).stream().map(SesClients.Notification::message).toList();
        assertThat(forDelivered).extracting(e -> e.path("eventType").asText())
                .containsExactlyInAnyOrder("Send", "Delivery");
        assertThat(forBounced).extracting(e -> e.path("eventType").asText())
                .containsExactlyInAnyOrder("Send", "Bounce");
        List<JsonNode> all = new ArrayList<>(forDelivered);
        all.addAll(forBounced);

        for (JsonNode e : all) {
            JsonNode mail = e.path("mail");
            assertThat(e.has("notificationType")).isFalse();
            assertThat(mail.path("source").asText()).isEqualTo(SENDER);
            assertThat(mail.path("tags").path("ses:configuration-set")).extracting(JsonNode::asText)
                    .containsExactly(set);
            assertThat(mail.path("tags").path("ses:operation")).extracting(JsonNode::asText)
                    .containsExactly("SendEmail");
            assertThat(mail.path("headers").isArray()).isTrue();
            switch (e.path("eventType").asText()) {
                case "Send" -> assertThat(e.has("send")).isTrue();
                case "Delivery" -> {
                    assertThat(e.path("delivery").path("recipients")).extracting(JsonNode::asText)
                            .containsExactly(SUCCESS);
                    assertThat(mail.path("tags").path("campaign")).extracting(JsonNode::asText)
                            .containsExactly("spring");
                }
                case "Bounce" -> {
                    assertThat(e.path("bounce").path("bounceType").asText()).isEqualTo("Permanent");
                    assertThat(e.path("bounce").path("bouncedRecipients").get(0).path("emailAddress").asText())
                            .isEqualTo(BOUNCE);
                }
                default -> throw new AssertionError("unexpected event " + e);
            }
        }
        // The identity notifications still flow alongside the event destination, without a subject.
        SesClients.Notification identityBounce = bounces.awaitNotifications(bounced, 1).get(0);
        assertThat(identityBounce.subject()).isNull();
        assertThat(identityBounce.message().path("notificationType").asText()).isEqualTo("Bounce");
        assertThat(deliveries.await(delivered).path("notificationType").asText())
                .isEqualTo("Delivery");
    }

    @Test
    void outcomesFollowTheServerClockWhenFrozen() {
        ServerClock clock = TestServer.get().clock();
        clock.freeze();
        try {
            String id = send(BOUNCE, "frozen");
            clock.advance(Duration.ofSeconds(2));
            JsonNode bounce = bounces.await(id);
            assertThat(bounce.path("bounce").path("bounceType").asText()).isEqualTo("Permanent");
            assertThat(Instant.parse(bounce.path("bounce").path("timestamp").asText()))
                    .isAfterOrEqualTo(Instant.parse(bounce.path("mail").path("timestamp").asText()));
        } finally {
            clock.resetToSystem();
        }
    }

    /**
     * Lets deliveries already triggered land before asserting that nothing else arrived: a marker send to the
     * success mailbox must arrive on the delivery queue, and SNS→SQS delivery is ordered per subscription.
     */
    private static void awaitQuiet() {
        String marker = send(SUCCESS, "marker");
        deliveries.await(marker);
    }
}
