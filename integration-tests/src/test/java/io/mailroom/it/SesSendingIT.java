package io.mailroom.it;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import jakarta.mail.BodyPart;
import jakarta.mail.Message.RecipientType;
import jakarta.mail.Part;
import jakarta.mail.Session;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeBodyPart;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeMultipart;
import jakarta.mail.util.ByteArrayDataSource;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Properties;
import java.util.stream.IntStream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.services.ses.model.BulkEmailDestinationStatus;
import software.amazon.awssdk.services.ses.model.BulkEmailStatus;
import software.amazon.awssdk.services.ses.model.NotificationType;
import software.amazon.awssdk.services.ses.model.SesException;
import software.amazon.awssdk.services.ses.model.TemplateDoesNotExistException;
import software.amazon.awssdk.services.sesv2.model.AttachmentContentDisposition;
import software.amazon.awssdk.services.sesv2.model.BulkEmailEntryResult;
import software.amazon.awssdk.services.sesv2.model.SesV2Exception;

/**
 * Sending through both APIs: v1 SendEmail / SendRawEmail / SendTemplatedEmail / SendBulkTemplatedEmail, v2
 * SendEmail (Simple, Raw, Template) and SendBulkEmail; sandbox and recipient-count refusals; the stored
 * message at {@code /_aws/ses} and as {@code .eml}, parsed back with jakarta.mail; send quota and statistics.
 */
class SesSendingIT {
    private static final SesClients.Account A = SesClients.account("210000000002");
    private static final String DOMAIN = "sending.example.org";
    private static final String SENDER = "sender@" + DOMAIN;
    private static SesClients.Feed deliveries;

    @BeforeAll
    static void verifiedSender() {
        A.ses().verifyDomainIdentity(b -> b.domain(DOMAIN));
        deliveries = A.feed("ses-send-deliveries");
        A.ses().setIdentityNotificationTopic(b -> b.identity(DOMAIN).notificationType(NotificationType.DELIVERY)
                .snsTopic(deliveries.topicArn()));
    }

    private static String sim(String label) {
        return "success+" + label + "@simulator.amazonses.com";
    }

    /** The recipients SES actually sent to, as its delivery notification lists them. */
    private static List<String> deliveredTo(String messageId) {
        List<String> out = new ArrayList<>();
        deliveries.await(messageId).path("mail").path("destination").forEach(n -> out.add(n.asText()));
        return out;
    }

    private static String text(JsonNode n) {
        return n.asText();
    }

    // ---- v1 ----

    @Test
    void v1SendEmailStoresTheMessageAndItsMime() throws Exception {
        String id = A.ses().sendEmail(b -> b.source("Sales Team <" + SENDER + ">")
                .destination(d -> d.toAddresses(sim("to")).ccAddresses(sim("cc")).bccAddresses(sim("bcc")))
                .replyToAddresses("replies@" + DOMAIN)
                .message(m -> m.subject(s -> s.data("Quarterly report"))
                        .body(body -> body.text(t -> t.data("Plain body")).html(h -> h.data("<b>HTML body</b>")))))
                .messageId();
        assertThat(id).matches("[0-9a-f]{16}-[0-9a-f-]{36}-000000");

        JsonNode stored = SesClients.sentMessage(id);
        assertThat(stored.path("Id").asText()).isEqualTo(id);
        assertThat(stored.path("Region").asText()).isEqualTo("us-east-1");
        assertThat(stored.path("Source").asText()).isEqualTo("Sales Team <" + SENDER + ">");
        assertThat(stored.path("Destination").path("ToAddresses")).extracting(SesSendingIT::text)
                .containsExactly(sim("to"));
        assertThat(stored.path("Destination").path("CcAddresses")).extracting(SesSendingIT::text)
                .containsExactly(sim("cc"));
        assertThat(stored.path("Destination").path("BccAddresses")).extracting(SesSendingIT::text)
                .containsExactly(sim("bcc"));
        assertThat(stored.path("Subject").asText()).isEqualTo("Quarterly report");
        assertThat(stored.path("Body").path("text_part").asText()).isEqualTo("Plain body");
        assertThat(stored.path("Body").path("html_part").asText()).isEqualTo("<b>HTML body</b>");
        assertThat(stored.path("Timestamp").asText()).matches("\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d\\.\\d{3}");
        assertThat(stored.path("RawData").asText()).contains("Subject: Quarterly report");

        MimeMessage eml = SesClients.eml(id);
        assertThat(((InternetAddress) eml.getFrom()[0]).getAddress()).isEqualTo(SENDER);
        assertThat(((InternetAddress) eml.getFrom()[0]).getPersonal()).isEqualTo("Sales Team");
        assertThat(eml.getRecipients(RecipientType.TO)).extracting(Object::toString).containsExactly(sim("to"));
        assertThat(eml.getRecipients(RecipientType.CC)).extracting(Object::toString).containsExactly(sim("cc"));
        assertThat(eml.getHeader("Bcc")).as("Bcc never appears in the message").isNull();
        assertThat(eml.getReplyTo()).extracting(Object::toString).containsExactly("replies@" + DOMAIN);
        assertThat(eml.getSubject()).isEqualTo("Quarterly report");
        assertThat(eml.getMessageID()).isEqualTo("<" + id + "@email.amazonses.com>");
        assertThat(eml.getSentDate()).isNotNull();
        assertThat(eml.getContentType()).startsWith("multipart/alternative");
        MimeMultipart alt = (MimeMultipart) eml.getContent();
        assertThat(alt.getCount()).isEqualTo(2);
        assertThat(alt.getBodyPart(0).getContentType()).startsWith("text/plain");
        assertThat(alt.getBodyPart(0).getContent()).isEqualTo("Plain body");
        assertThat(alt.getBodyPart(1).getContentType()).startsWith("text/html");
        assertThat(alt.getBodyPart(1).getContent()).isEqualTo("<b>HTML body</b>");

        assertThat(deliveredTo(id)).containsExactlyInAnyOrder(sim("to"), sim("cc"), sim("bcc"));
    }

    /** A real multipart/mixed message with a PDF attachment, as an application builds it with jakarta.mail. */
    private static byte[] rawWithAttachment(String from, String subject, boolean keepClientMessageId) throws Exception {
        MimeMessage msg = new MimeMessage(Session.getInstance(new Properties()));
        msg.setFrom(new InternetAddress(from));
        msg.setRecipients(RecipientType.TO, InternetAddress.parse(sim("raw-to")));
        msg.setRecipients(RecipientType.CC, InternetAddress.parse(sim("raw-cc")));
        msg.setRecipients(RecipientType.BCC, InternetAddress.parse(sim("raw-bcc")));
        msg.setSubject(subject, "UTF-8");
        msg.setSentDate(new Date(0));
        MimeMultipart mixed = new MimeMultipart("mixed");
        MimeBodyPart body = new MimeBodyPart();
        body.setText("See the attached invoice.", "UTF-8");
        mixed.addBodyPart(body);
        MimeBodyPart attachment = new MimeBodyPart();
        attachment.setDataHandler(new jakarta.activation.DataHandler(new ByteArrayDataSource(PDF, "application/pdf")));
        attachment.setFileName("invoice.pdf");
        attachment.setDisposition(Part.ATTACHMENT);
        mixed.addBodyPart(attachment);
        msg.setContent(mixed);
        msg.saveChanges();
        if (!keepClientMessageId) {
            msg.removeHeader("Message-ID");
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        msg.writeTo(out);
        return out.toByteArray();
    }

    private static final byte[] PDF = "%PDF-1.4\n%\u00e2\u00e3\n1 0 obj <<>> endobj\ntrailer <<>>\n%%EOF\n"
            .getBytes(StandardCharsets.ISO_8859_1);

    private static void assertInvoiceStructure(MimeMessage eml) throws Exception {
        assertThat(eml.getContentType()).startsWith("multipart/mixed");
        MimeMultipart mixed = (MimeMultipart) eml.getContent();
        assertThat(mixed.getCount()).isEqualTo(2);
        assertThat(mixed.getBodyPart(0).getContent()).isEqualTo("See the attached invoice.");
        BodyPart pdf = mixed.getBodyPart(1);
        assertThat(pdf.getContentType()).startsWith("application/pdf");
        assertThat(pdf.getFileName()).isEqualTo("invoice.pdf");
        assertThat(pdf.getDisposition()).isEqualToIgnoringCase(Part.ATTACHMENT);
        assertThat(pdf.getInputStream().readAllBytes()).isEqualTo(PDF);
    }

    @Test
    void v1SendRawEmailWithAttachmentDefaultsDestinationsToTheHeaders() throws Exception {
        byte[] raw = rawWithAttachment("Billing <" + SENDER + ">", "Invoice \u00e9t\u00e9", false);
        String id = A.ses().sendRawEmail(b -> b.rawMessage(m -> m.data(SdkBytes.fromByteArray(raw)))).messageId();

        assertThat(deliveredTo(id)).containsExactlyInAnyOrder(sim("raw-to"), sim("raw-cc"), sim("raw-bcc"));
        JsonNode stored = SesClients.sentMessage(id);
        assertThat(stored.path("Subject").asText()).isEqualTo("Invoice \u00e9t\u00e9");
        assertThat(stored.path("Body").path("text_part").asText()).isEqualTo("See the attached invoice.");

        MimeMessage eml = SesClients.eml(id);
        assertThat(((InternetAddress) eml.getFrom()[0]).getAddress()).isEqualTo(SENDER);
        assertThat(eml.getRecipients(RecipientType.TO)).extracting(Object::toString).containsExactly(sim("raw-to"));
        assertThat(eml.getRecipients(RecipientType.CC)).extracting(Object::toString).containsExactly(sim("raw-cc"));
        assertThat(eml.getHeader("Bcc")).isNull();
        assertThat(eml.getSubject()).isEqualTo("Invoice \u00e9t\u00e9");
        assertThat(eml.getMessageID()).isEqualTo("<" + id + "@email.amazonses.com>");
        assertInvoiceStructure(eml);
    }

    @Test
    void v1SendRawEmailDestinationsReplaceTheHeaderRecipients() throws Exception {
        byte[] raw = rawWithAttachment(SENDER, "only one", false);
        String id = A.ses().sendRawEmail(b -> b.destinations(sim("explicit"))
                .rawMessage(m -> m.data(SdkBytes.fromByteArray(raw)))).messageId();
        assertThat(deliveredTo(id)).containsExactly(sim("explicit"));
        // The message itself is unchanged: its To/Cc headers still name the original recipients.
        assertThat(SesClients.eml(id).getRecipients(RecipientType.TO)).extracting(Object::toString)
                .containsExactly(sim("raw-to"));
    }

    @Test
    void v1SendRawEmailOverridesClientMessageIdAndDate() throws Exception {
        byte[] raw = rawWithAttachment(SENDER, "client ids", true);
        assertThat(SesClients.parse(raw).getMessageID()).doesNotContain("amazonses");
        long before = System.currentTimeMillis() - 60_000;
        String id = A.ses().sendRawEmail(b -> b.rawMessage(m -> m.data(SdkBytes.fromByteArray(raw)))).messageId();
        MimeMessage eml = SesClients.eml(id);
        assertThat(eml.getMessageID()).isEqualTo("<" + id + "@email.amazonses.com>");
        assertThat(eml.getSentDate().getTime()).isGreaterThan(before);
    }

    @Test
    void v1SendTemplatedEmailRendersTheStoredTemplate() {
        String template = SesClients.name("welcome");
        A.ses().createTemplate(b -> b.template(t -> t.templateName(template).subjectPart("Welcome, {{name}}!")
                .textPart("Hi {{name}}, your plan is {{plan}}.").htmlPart("<h1>Hi {{name}}</h1>")));
        String data = "{\"name\":\"Ann\",\"plan\":\"pro\"}";
        String id = A.ses().sendTemplatedEmail(b -> b.source(SENDER).destination(d -> d.toAddresses(sim("tpl")))
                .template(template).templateData(data)).messageId();
        JsonNode stored = SesClients.sentMessage(id);
        assertThat(stored.path("Subject").asText()).isEqualTo("Welcome, Ann!");
        assertThat(stored.path("Body").path("text_part").asText()).isEqualTo("Hi Ann, your plan is pro.");
        assertThat(stored.path("Body").path("html_part").asText()).isEqualTo("<h1>Hi Ann</h1>");
        assertThat(stored.path("Template").asText()).isEqualTo(template);
        assertThat(SesClients.readJson(stored.path("TemplateData").asText())).isEqualTo(SesClients.readJson(data));

        SesClients.error(TemplateDoesNotExistException.class, "TemplateDoesNotExist", 400, () ->
                A.ses().sendTemplatedEmail(b -> b.source(SENDER).destination(d -> d.toAddresses(sim("tpl")))
                        .template("no-such-template").templateData("{}")));
    }

    @Test
    void v1SendBulkTemplatedEmailMergesReplacementData() {
        String template = SesClients.name("bulk");
        A.ses().createTemplate(b -> b.template(t -> t.templateName(template).subjectPart("Hello {{name}} ({{tier}})")
                .textPart("x")));
        var statuses = A.ses().sendBulkTemplatedEmail(b -> b.source(SENDER).template(template)
                .defaultTemplateData("{\"name\":\"friend\",\"tier\":\"basic\"}")
                .destinations(d -> d.destination(x -> x.toAddresses(sim("bulk1")))
                                .replacementTemplateData("{\"name\":\"Ann\"}"),
                        d -> d.destination(x -> x.toAddresses(sim("bulk2"))))).status();
        assertThat(statuses).extracting(BulkEmailDestinationStatus::status)
                .containsExactly(BulkEmailStatus.SUCCESS, BulkEmailStatus.SUCCESS);
        assertThat(SesClients.sentMessage(statuses.get(0).messageId()).path("Subject").asText())
                .isEqualTo("Hello Ann (basic)");
        assertThat(SesClients.sentMessage(statuses.get(1).messageId()).path("Subject").asText())
                .isEqualTo("Hello friend (basic)");
        assertThat(deliveredTo(statuses.get(0).messageId())).containsExactly(sim("bulk1"));

        SesClients.error(TemplateDoesNotExistException.class, "TemplateDoesNotExist", 400, () ->
                A.ses().sendBulkTemplatedEmail(b -> b.source(SENDER).template("missing-bulk").defaultTemplateData("{}")
                        .destinations(d -> d.destination(x -> x.toAddresses(sim("bulk1"))))));
    }

    @Test
    void unverifiedSenderIsRejectedInTheSandbox() throws Exception {
        String stranger = "someone@unverified.example.net";
        var e = SesClients.error(software.amazon.awssdk.services.ses.model.MessageRejectedException.class,
                "MessageRejected", 400, () -> A.ses().sendEmail(b -> b.source(stranger)
                        .destination(d -> d.toAddresses(sim("x")))
                        .message(m -> m.subject(s -> s.data("s")).body(x -> x.text(t -> t.data("t"))))));
        assertThat(e.awsErrorDetails().errorMessage()).isEqualTo("Email address is not verified. The following"
                + " identities failed the check in region US-EAST-1: " + stranger);

        byte[] raw = rawWithAttachment(stranger, "raw", false);
        SesClients.error(software.amazon.awssdk.services.ses.model.MessageRejectedException.class, "MessageRejected",
                400, () -> A.ses().sendRawEmail(b -> b.rawMessage(m -> m.data(SdkBytes.fromByteArray(raw)))));

        SesClients.error(software.amazon.awssdk.services.sesv2.model.MessageRejectedException.class,
                "MessageRejected", 400, () -> A.v2().sendEmail(b -> b.fromEmailAddress(stranger)
                        .destination(d -> d.toAddresses(sim("x")))
                        .content(c -> c.simple(m -> m.subject(s -> s.data("s")).body(x -> x.text(t -> t.data("t")))))));
        assertThat(SesClients.sentFrom(stranger)).isEmpty();
    }

    @Test
    void moreThanFiftyRecipientsAreRefused() {
        List<String> many = IntStream.rangeClosed(1, 51).mapToObj(i -> sim("r" + i)).toList();
        var e = SesClients.error(SesException.class, "InvalidParameterValue", 400, () ->
                A.ses().sendEmail(b -> b.source(SENDER).destination(d -> d.toAddresses(many.subList(0, 30))
                                .ccAddresses(many.subList(30, 51)))
                        .message(m -> m.subject(s -> s.data("s")).body(x -> x.text(t -> t.data("t"))))));
        assertThat(e.awsErrorDetails().errorMessage()).contains("50");
        SesV2Exception v2 = org.assertj.core.api.Assertions.catchThrowableOfType(() ->
                A.v2().sendEmail(b -> b.fromEmailAddress(SENDER).destination(d -> d.toAddresses(many))
                        .content(c -> c.simple(m -> m.subject(s -> s.data("s")).body(x -> x.text(t -> t.data("t")))))),
                SesV2Exception.class);
        assertThat(v2).isNotNull();
        assertThat(v2.statusCode()).isEqualTo(400);
        // Exactly fifty is allowed.
        assertThat(A.ses().sendEmail(b -> b.source(SENDER).destination(d -> d.toAddresses(many.subList(0, 50)))
                .message(m -> m.subject(s -> s.data("s")).body(x -> x.text(t -> t.data("t"))))).messageId())
                .isNotBlank();
    }

    // ---- v2 ----

    @Test
    void v2SimpleWithTextHtmlAttachmentAndHeaders() throws Exception {
        String id = A.v2().sendEmail(b -> b.fromEmailAddress(SENDER).destination(d -> d.toAddresses(sim("v2")))
                .replyToAddresses("help@" + DOMAIN)
                .emailTags(t -> t.name("kind").value("receipt"))
                .content(c -> c.simple(m -> m.subject(s -> s.data("Your receipt"))
                        .body(x -> x.text(t -> t.data("text receipt")).html(h -> h.data("<p>html receipt</p>")))
                        .headers(h -> h.name("X-Order-Id").value("42"))
                        .attachments(a -> a.fileName("invoice.pdf").contentType("application/pdf")
                                .contentDisposition(AttachmentContentDisposition.ATTACHMENT)
                                .rawContent(SdkBytes.fromByteArray(PDF))))))
                .messageId();
        MimeMessage eml = SesClients.eml(id);
        assertThat(eml.getSubject()).isEqualTo("Your receipt");
        assertThat(eml.getMessageID()).isEqualTo("<" + id + "@email.amazonses.com>");
        assertThat(eml.getHeader("X-Order-Id", null)).isEqualTo("42");
        assertThat(eml.getReplyTo()).extracting(Object::toString).containsExactly("help@" + DOMAIN);
        assertThat(eml.getContentType()).startsWith("multipart/mixed");
        MimeMultipart mixed = (MimeMultipart) eml.getContent();
        assertThat(mixed.getCount()).isEqualTo(2);
        assertThat(mixed.getBodyPart(0).getContentType()).startsWith("multipart/alternative");
        MimeMultipart alt = (MimeMultipart) mixed.getBodyPart(0).getContent();
        assertThat(alt.getBodyPart(0).getContent()).isEqualTo("text receipt");
        assertThat(alt.getBodyPart(1).getContent()).isEqualTo("<p>html receipt</p>");
        BodyPart pdf = mixed.getBodyPart(1);
        assertThat(pdf.getFileName()).isEqualTo("invoice.pdf");
        assertThat(pdf.getContentType()).startsWith("application/pdf");
        assertThat(pdf.getInputStream().readAllBytes()).isEqualTo(PDF);

        JsonNode stored = SesClients.sentMessage(id);
        assertThat(stored.path("Body").path("text_part").asText()).isEqualTo("text receipt");
        assertThat(stored.path("Body").path("html_part").asText()).isEqualTo("<p>html receipt</p>");
        assertThat(deliveredTo(id)).containsExactly(sim("v2"));
    }

    @Test
    void v2RawTakesRecipientsFromTheMessage() throws Exception {
        byte[] raw = rawWithAttachment(SENDER, "v2 raw", false);
        String id = A.v2().sendEmail(b -> b.content(c -> c.raw(r -> r.data(SdkBytes.fromByteArray(raw)))))
                .messageId();
        assertThat(deliveredTo(id)).containsExactlyInAnyOrder(sim("raw-to"), sim("raw-cc"), sim("raw-bcc"));
        MimeMessage eml = SesClients.eml(id);
        assertThat(eml.getSubject()).isEqualTo("v2 raw");
        assertThat(eml.getMessageID()).isEqualTo("<" + id + "@email.amazonses.com>");
        assertInvoiceStructure(eml);
    }

    @Test
    void v2TemplateAndBulk() {
        String template = SesClients.name("v2tpl");
        A.v2().createEmailTemplate(b -> b.templateName(template).templateContent(t -> t
                .subject("Order {{order.id}} for {{name}}").text("{{#each items}}- {{this}}\n{{/each}}")
                .html("<p>{{name}}</p>")));
        String id = A.v2().sendEmail(b -> b.fromEmailAddress(SENDER).destination(d -> d.toAddresses(sim("v2t")))
                .content(c -> c.template(t -> t.templateName(template)
                        .templateData("{\"name\":\"Bo\",\"order\":{\"id\":7},\"items\":[\"pen\",\"ink\"]}"))))
                .messageId();
        JsonNode stored = SesClients.sentMessage(id);
        assertThat(stored.path("Subject").asText()).isEqualTo("Order 7 for Bo");
        assertThat(stored.path("Body").path("text_part").asText()).isEqualTo("- pen\n- ink\n");
        assertThat(stored.path("Template").asText()).isEqualTo(template);

        List<BulkEmailEntryResult> results = A.v2().sendBulkEmail(b -> b.fromEmailAddress(SENDER)
                .defaultContent(c -> c.template(t -> t.templateName(template)
                        .templateData("{\"name\":\"all\",\"order\":{\"id\":1},\"items\":[]}")))
                .bulkEmailEntries(
                        e -> e.destination(d -> d.toAddresses(sim("v2b1"))).replacementEmailContent(r -> r
                                .replacementTemplate(t -> t.replacementTemplateData("{\"name\":\"Cy\"}"))),
                        e -> e.destination(d -> d.toAddresses(sim("v2b2"))))).bulkEmailEntryResults();
        assertThat(results).extracting(BulkEmailEntryResult::status)
                .containsExactly(software.amazon.awssdk.services.sesv2.model.BulkEmailStatus.SUCCESS,
                        software.amazon.awssdk.services.sesv2.model.BulkEmailStatus.SUCCESS);
        assertThat(SesClients.sentMessage(results.get(0).messageId()).path("Subject").asText())
                .isEqualTo("Order 1 for Cy");
        assertThat(SesClients.sentMessage(results.get(1).messageId()).path("Subject").asText())
                .isEqualTo("Order 1 for all");
        assertThat(deliveredTo(results.get(1).messageId())).containsExactly(sim("v2b2"));
    }

    // ---- the sent-mail endpoints ----

    @Test
    void sentMailEndpointsFilterAndDelete() {
        String source = "filter-" + SesClients.name("x") + "@" + DOMAIN;
        String first = A.ses().sendEmail(b -> b.source(source).destination(d -> d.toAddresses(sim("f")))
                .message(m -> m.subject(s -> s.data("one")).body(x -> x.text(t -> t.data("1"))))).messageId();
        String second = A.ses().sendEmail(b -> b.source(source).destination(d -> d.toAddresses(sim("f")))
                .message(m -> m.subject(s -> s.data("two")).body(x -> x.text(t -> t.data("2"))))).messageId();
        assertThat(SesClients.sentFrom(source)).extracting(n -> n.path("Id").asText()).containsExactly(first, second);

        assertThat(SesClients.delete("/_aws/ses?id=" + first).status()).isEqualTo(204);
        assertThat(SesClients.sentFrom(source)).extracting(n -> n.path("Id").asText()).containsExactly(second);
        assertThat(SesClients.get("/_mailroom/ses/messages/" + first + ".eml").status()).isEqualTo(404);
        assertThat(SesClients.get("/_aws/ses?id=" + first).json().path("messages")).isEmpty();
    }

    // ---- quota and statistics ----

    @Test
    void quotaAndStatisticsCountSends() {
        var before = A.ses().getSendQuota();
        assertThat(before.max24HourSend()).isEqualTo(200.0);
        assertThat(before.maxSendRate()).isEqualTo(1.0);
        long attemptsBefore = attempts();

        String id = A.ses().sendEmail(b -> b.source(SENDER).destination(d -> d.toAddresses(sim("q1"), sim("q2")))
                .message(m -> m.subject(s -> s.data("q")).body(x -> x.text(t -> t.data("q"))))).messageId();
        assertThat(A.ses().getSendQuota().sentLast24Hours()).isEqualTo(before.sentLast24Hours() + 2);
        assertThat(attempts()).isEqualTo(attemptsBefore + 2);
        assertThat(A.v2().getAccount(b -> { }).sendQuota().sentLast24Hours()).isEqualTo(before.sentLast24Hours() + 2);
        deliveredTo(id);

        long bouncesBefore = A.ses().getSendStatistics().sendDataPoints().stream().mapToLong(p -> p.bounces()).sum();
        A.ses().sendEmail(b -> b.source(SENDER).destination(d -> d.toAddresses("bounce@simulator.amazonses.com"))
                .message(m -> m.subject(s -> s.data("q")).body(x -> x.text(t -> t.data("q")))));
        SesClients.await("the bounce counted", () -> A.ses().getSendStatistics().sendDataPoints().stream()
                .mapToLong(p -> p.bounces()).sum() == bouncesBefore + 1 ? Boolean.TRUE : null);
    }

    private static long attempts() {
        return A.ses().getSendStatistics().sendDataPoints().stream().mapToLong(p -> p.deliveryAttempts()).sum();
    }
}
