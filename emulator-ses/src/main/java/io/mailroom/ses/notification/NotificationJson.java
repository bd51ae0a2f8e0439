package io.mailroom.ses.notification;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.mailroom.ses.configset.EventType;
import io.mailroom.ses.identity.NotificationType;
import io.mailroom.ses.mime.Header;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Map;

/**
 * The JSON SES publishes: identity notifications
 * (https://docs.aws.amazon.com/ses/latest/dg/notification-contents.html — {@code notificationType} with
 * {@code mail} and a {@code bounce}/{@code complaint}/{@code delivery} object; headers only when enabled for
 * that type) and event publishing records
 * (https://docs.aws.amazon.com/ses/latest/dg/event-publishing-retrieving-sns-contents.html — {@code eventType}
 * with {@code mail} that always carries headers and tags).
 */
public final class NotificationJson {
    private static final JsonNodeFactory F = JsonNodeFactory.instance;
    private static final DateTimeFormatter ISO_MILLIS =
            DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSS'Z'").withZone(ZoneOffset.UTC);
    private static final int MAX_HEADER_BYTES = 10 * 1024;
    /** The emulator's one address: where calls come from (sourceIp) and where SES sends from (ses:outgoing-ip). */
    private static final String LOCAL_IP = "127.0.0.1";

    private NotificationJson() {
    }

    public static String time(long millis) {
        return ISO_MILLIS.format(Instant.ofEpochMilli(millis));
    }

    public static ObjectNode identityNotification(NotificationType type, MailMetadata mail, ObjectNode detail,
                                                  boolean withHeaders) {
        ObjectNode root = F.objectNode();
        root.put("notificationType", type.wireName());
        root.set(type.name().toLowerCase(java.util.Locale.ROOT), detail);
        ObjectNode m = mail(mail, true);
        if (withHeaders) {
            headers(m, mail);
        }
        root.set("mail", m);
        return root;
    }

    /**
     * An event record. Its mail object does not name the caller (no sourceIp nor callerIdentity, which only
     * identity notifications carry) and always has headers and tags; a Delivery's tags add
     * {@code ses:outgoing-ip}, the address SES sent from (AWS's docs examples of both kinds, and the events
     * recorded on AWS in LocalStack's snapshots of test_ses_sns_topic_integration_*).
     */
    public static ObjectNode event(EventType type, MailMetadata mail, ObjectNode detail) {
        ObjectNode root = F.objectNode();
        root.put("eventType", type.eventName());
        ObjectNode m = mail(mail, false);
        headers(m, mail);
        ObjectNode tags = m.putObject("tags");
        mail.tags().forEach((k, v) -> tags.set(k, strings(v)));
        if (type == EventType.DELIVERY) {
            tags.set("ses:outgoing-ip", strings(List.of(LOCAL_IP)));
        }
        root.set("mail", m);
        root.set(type.detailKey(), detail);
        return root;
    }

    private static ObjectNode mail(MailMetadata m, boolean withCaller) {
        ObjectNode mail = F.objectNode();
        mail.put("timestamp", time(m.timestampMillis()));
        mail.put("source", m.source());
        if (m.sourceArn() != null) {
            mail.put("sourceArn", m.sourceArn());
        }
        if (withCaller) {
            mail.put("sourceIp", LOCAL_IP);
            mail.put("callerIdentity", m.callerIdentity());
        }
        mail.put("sendingAccountId", m.sendingAccountId());
        mail.put("messageId", m.messageId());
        mail.set("destination", strings(m.destination()));
        return mail;
    }

    private static void headers(ObjectNode mail, MailMetadata m) {
        putHeaders(mail, m.headers());
        mail.set("commonHeaders", commonHeaders(m.commonHeaders()));
    }

    /**
     * A mail object's {@code headersTruncated} and {@code headers}: "headers were truncated in the notification,
     * which will happen if the headers are larger than 10 KB" (SES's notification contents, also receipts').
     */
    public static void putHeaders(ObjectNode mail, List<Header> list) {
        ArrayNode headers = F.arrayNode();
        int bytes = 0;
        boolean truncated = false;
        for (Header h : list) {
            bytes += h.name().length() + h.value().length() + 4;
            if (bytes > MAX_HEADER_BYTES) {
                truncated = true;
                break;
            }
            headers.addObject().put("name", h.name()).put("value", h.value());
        }
        mail.put("headersTruncated", truncated);
        mail.set("headers", headers);
    }

    private static ObjectNode commonHeaders(MailMetadata.CommonHeaders c) {
        ObjectNode o = F.objectNode();
        // A header the message lacks is left out: AWS's event for an empty raw message has messageId alone.
        if (!c.from().isEmpty()) {
            o.set("from", strings(c.from()));
        }
        if (!c.replyTo().isEmpty()) {
            o.set("replyTo", strings(c.replyTo()));
        }
        if (c.returnPath() != null) {
            o.put("returnPath", c.returnPath());
        }
        if (c.date() != null) {
            o.put("date", c.date());
        }
        if (!c.to().isEmpty()) {
            o.set("to", strings(c.to()));
        }
        if (!c.cc().isEmpty()) {
            o.set("cc", strings(c.cc()));
        }
        if (c.messageId() != null) {
            o.put("messageId", c.messageId());
        }
        if (c.subject() != null) {
            o.put("subject", c.subject());
        }
        return o;
    }

    // ---- detail objects ----

    public static ObjectNode send() {
        return F.objectNode();
    }

    /** SES rejects a message it accepted when it contains a virus; the only reason it gives. */
    public static ObjectNode reject() {
        return F.objectNode().put("reason", "Bad content");
    }

    public static ObjectNode renderingFailure(String templateName, String errorMessage) {
        return F.objectNode().put("errorMessage", errorMessage).put("templateName", templateName);
    }

    public static ObjectNode delivery(long now, long processingMillis, List<String> recipients, String reportingMta) {
        ObjectNode d = F.objectNode();
        d.put("timestamp", time(now));
        d.put("processingTimeMillis", processingMillis);
        d.set("recipients", strings(recipients));
        d.put("smtpResponse", "250 2.6.0 Message received");
        d.put("remoteMtaIp", "127.0.0.1");
        d.put("reportingMTA", reportingMta);
        return d;
    }

    /** @param recipients each with action/status/diagnosticCode */
    public static ObjectNode bounce(String type, String subType, List<ObjectNode> recipients, long now,
                                    String feedbackId, String reportingMta) {
        ObjectNode b = F.objectNode();
        b.put("feedbackId", feedbackId);
        b.put("bounceType", type);
        b.put("bounceSubType", subType);
        ArrayNode r = b.putArray("bouncedRecipients");
        recipients.forEach(r::add);
        b.put("timestamp", time(now));
        if (reportingMta != null) {
            b.put("remoteMtaIp", "127.0.0.1");
            b.put("reportingMTA", "dsn; " + reportingMta);
        }
        return b;
    }

    public static ObjectNode bouncedRecipient(String address, String status, String diagnostic) {
        ObjectNode r = F.objectNode();
        r.put("emailAddress", address);
        r.put("action", "failed");
        r.put("status", status);
        if (diagnostic != null) {
            r.put("diagnosticCode", diagnostic);
        }
        return r;
    }

    public static ObjectNode complaint(List<String> recipients, String feedbackType, long now, long arrival,
                                       String feedbackId) {
        ObjectNode c = F.objectNode();
        c.put("feedbackId", feedbackId);
        c.putNull("complaintSubType");
        ArrayNode r = c.putArray("complainedRecipients");
        recipients.forEach(a -> r.addObject().put("emailAddress", a));
        c.put("timestamp", time(now));
        c.put("userAgent", "Amazon SES Mailbox Simulator");
        c.put("complaintFeedbackType", feedbackType);
        c.put("arrivalDate", time(arrival));
        return c;
    }

    public static ObjectNode open(long now, String ipAddress, String userAgent) {
        return F.objectNode().put("ipAddress", ipAddress).put("timestamp", time(now)).put("userAgent", userAgent);
    }

    /** @param linkTags the clicked anchor's {@code ses:tags}, each name with its values (AWS's shape) */
    public static ObjectNode click(long now, String ipAddress, String userAgent, String link,
                                   Map<String, List<String>> linkTags) {
        ObjectNode c = F.objectNode().put("ipAddress", ipAddress).put("timestamp", time(now))
                .put("userAgent", userAgent).put("link", link);
        ObjectNode tags = c.putObject("linkTags");
        linkTags.forEach((k, v) -> tags.set(k, strings(v)));
        return c;
    }

    /**
     * @param expiration when SES gives up retrying (then the recipients bounce)
     * @param status     the enhanced status code every delayed recipient reports ({@code 4.4.1})
     * @param diagnostic the remote MTA's answer ({@code smtp; 421 4.4.1 Unable to connect to remote host})
     */
    public static ObjectNode deliveryDelay(long now, long expiration, List<String> recipients, String delayType,
                                           String status, String diagnostic) {
        ObjectNode d = F.objectNode();
        d.put("timestamp", time(now));
        d.put("delayType", delayType);
        d.put("expirationTime", time(expiration));
        ArrayNode r = d.putArray("delayedRecipients");
        recipients.forEach(a -> r.addObject().put("emailAddress", a).put("status", status)
                .put("diagnosticCode", diagnostic));
        return d;
    }

    private static ArrayNode strings(List<String> values) {
        ArrayNode a = F.arrayNode();
        values.forEach(a::add);
        return a;
    }
}
