package io.mailroom.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import jakarta.activation.DataHandler;
import jakarta.mail.Message.RecipientType;
import jakarta.mail.Session;
import jakarta.mail.Transport;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeBodyPart;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeMultipart;
import jakarta.mail.util.ByteArrayDataSource;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Properties;
import java.util.Random;
import org.eclipse.angus.mail.smtp.SMTPSendFailedException;
import org.eclipse.angus.mail.smtp.SMTPTransport;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.ses.model.NotificationType;
import software.amazon.awssdk.services.ses.model.ReceiptAction;
import software.amazon.awssdk.services.ses.model.ReceiptRule;
import software.amazon.awssdk.services.ses.model.SNSAction;

/**
 * SES's SMTP interface end to end with Angus Mail: an authenticated submission over STARTTLS is sent as
 * SendRawEmail sends (stored at /_aws/ses, byte for byte but for SES's own Message-ID and Date, with the
 * same notifications), SES's refusals come back as SMTP replies, and unauthenticated mail to a receipt rule's
 * recipient runs through the active rule set.
 */
class SmtpSubmissionIT {
    /** The SMTP user name is the access key id; a 12-digit one selects the account, as on the HTTP API. */
    private static final SesClients.Account A = SesClients.account("210000000011");
    private static final String DOMAIN = "smtp.example.org";
    private static final String SENDER = "app@" + DOMAIN;
    private static SesClients.Feed deliveries;

    @BeforeAll
    static void verifiedSender() {
        A.ses().verifyDomainIdentity(b -> b.domain(DOMAIN));
        deliveries = A.feed("smtp-deliveries");
        A.ses().setIdentityNotificationTopic(b -> b.identity(DOMAIN).notificationType(NotificationType.DELIVERY)
                .snsTopic(deliveries.topicArn()));
    }

    @AfterAll
    static void deactivate() {
        A.ses().setActiveReceiptRuleSet(b -> { });
    }

    private static Session session(boolean auth) {
        Properties props = new Properties();
        props.put("mail.smtp.host", "127.0.0.1");
        props.put("mail.smtp.port", Integer.toString(TestServer.get().smtpPort()));
        props.put("mail.smtp.auth", Boolean.toString(auth));
        props.put("mail.smtp.starttls.enable", "true");
        props.put("mail.smtp.starttls.required", "true");
        props.put("mail.smtp.ssl.trust", "*");
        props.put("mail.smtp.timeout", "10000");
        return Session.getInstance(props);
    }

    private static String sim(String label) {
        return "success+" + label + "@simulator.amazonses.com";
    }

    private static MimeMessage multipart(Session session, String from) throws Exception {
        MimeMessage message = new MimeMessage(session);
        message.setFrom(new InternetAddress(from, "Shop"));
        message.setRecipients(RecipientType.TO, sim("smtp-to"));
        message.setSubject("Your invoice");
        MimeBodyPart text = new MimeBodyPart();
        text.setText("Hello,\r\n.please find the invoice attached.\r\n", "UTF-8");
        MimeBodyPart pdf = new MimeBodyPart();
        byte[] bytes = new byte[20_000];
        new Random(3).nextBytes(bytes);
        pdf.setDataHandler(new DataHandler(new ByteArrayDataSource(bytes, "application/pdf")));
        pdf.setFileName("invoice.pdf");
        MimeMultipart mixed = new MimeMultipart();
        mixed.addBodyPart(text);
        mixed.addBodyPart(pdf);
        message.setContent(mixed);
        message.saveChanges();
        return message;
    }

    /** The message without the headers SES replaces (Message-ID, Date), for comparing what was sent with what was stored. */
    private static String withoutStampedHeaders(byte[] raw) {
        String text = new String(raw, StandardCharsets.ISO_8859_1);
        int end = text.indexOf("\r\n\r\n");
        StringBuilder headers = new StringBuilder();
        for (String line : text.substring(0, end).split("\r\n(?![ \t])")) {
            String name = line.substring(0, Math.max(0, line.indexOf(':'))).trim();
            if (!name.equalsIgnoreCase("Message-ID") && !name.equalsIgnoreCase("Date")) {
                headers.append(line).append("\r\n");
            }
        }
        return headers + text.substring(end + 2);
    }

    @Test
    void submissionIsSentAsSendRawEmailWouldSendIt() throws Exception {
        Session session = session(true);
        MimeMessage message = multipart(session, SENDER);
        ByteArrayOutputStream sent = new ByteArrayOutputStream();
        message.writeTo(sent);
        String reply;
        try (SMTPTransport transport = (SMTPTransport) session.getTransport("smtp")) {
            transport.connect(A.id(), "any-secret");
            transport.sendMessage(message, new InternetAddress[] {new InternetAddress(sim("smtp-to")),
                    new InternetAddress(sim("smtp-bcc"))});
            reply = transport.getLastServerResponse();
        }
        assertThat(reply).startsWith("250 Ok ");
        String id = reply.substring("250 Ok ".length()).trim();

        JsonNode stored = SesClients.sentMessage(id);
        assertThat(stored.path("Region").asText()).isEqualTo("us-east-1");
        assertThat(stored.path("Source").asText()).isEqualTo(SENDER);
        byte[] eml = SesClients.get("/_mailroom/ses/messages/" + id + ".eml").body();
        assertThat(withoutStampedHeaders(eml)).isEqualTo(withoutStampedHeaders(sent.toByteArray()));
        MimeMessage parsed = SesClients.parse(eml);
        assertThat(parsed.getMessageID()).isEqualTo("<" + id + "@email.amazonses.com>");
        assertThat(((MimeMultipart) parsed.getContent()).getBodyPart(1).getFileName()).isEqualTo("invoice.pdf");

        // The envelope recipients are the destinations, Bcc included, as SendRawEmail's Destinations.
        JsonNode delivery = deliveries.await(id);
        assertThat(delivery.path("mail").path("destination")).extracting(JsonNode::asText)
                .containsExactlyInAnyOrder(sim("smtp-to"), sim("smtp-bcc"));
    }

    @Test
    void unverifiedSenderIsRefusedAsSesRefusesIt() throws Exception {
        Session session = session(true);
        MimeMessage message = multipart(session, "someone@unverified.example.net");
        assertThatThrownBy(() -> {
            try (Transport transport = session.getTransport("smtp")) {
                transport.connect(A.id(), "any-secret");
                transport.sendMessage(message, message.getAllRecipients());
            }
        }).isInstanceOfSatisfying(SMTPSendFailedException.class, e -> {
            assertThat(e.getReturnCode()).isEqualTo(554);
            assertThat(e.getMessage()).contains("Message rejected: Email address is not verified.");
        });
    }

    @Test
    void unauthenticatedMailToAReceiptRuleRecipientRunsThroughTheRuleSet() throws Exception {
        SesClients.Feed received = A.feed("smtp-inbound");
        String ruleSet = SesClients.name("smtp-rules");
        String recipient = SesClients.address("support", DOMAIN);
        A.ses().createReceiptRuleSet(b -> b.ruleSetName(ruleSet));
        A.ses().createReceiptRule(b -> b.ruleSetName(ruleSet).rule(ReceiptRule.builder().name("notify")
                .enabled(true).recipients(recipient)
                .actions(ReceiptAction.builder().snsAction(SNSAction.builder().topicArn(received.topicArn())
                        .build()).build())
                .build()));
        A.ses().setActiveReceiptRuleSet(b -> b.ruleSetName(ruleSet));

        Session session = session(false);
        MimeMessage message = new MimeMessage(session);
        message.setFrom("customer@example.net");
        message.setRecipients(RecipientType.TO, recipient);
        message.setSubject("Help");
        message.setText("My order has not arrived.");
        message.saveChanges();
        String reply;
        try (SMTPTransport transport = (SMTPTransport) session.getTransport("smtp")) {
            transport.connect();
            transport.sendMessage(message, message.getAllRecipients());
            reply = transport.getLastServerResponse();
        }
        assertThat(reply).startsWith("250 Ok ");
        String id = reply.substring("250 Ok ".length()).trim();
        JsonNode notification = received.await(id);
        assertThat(notification.path("notificationType").asText()).isEqualTo("Received");
        assertThat(notification.path("receipt").path("recipients")).extracting(JsonNode::asText)
                .containsExactly(recipient);
    }
}
