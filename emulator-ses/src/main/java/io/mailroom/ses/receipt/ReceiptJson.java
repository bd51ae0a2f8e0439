package io.mailroom.ses.receipt;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.mailroom.ses.mime.ParsedMessage;
import io.mailroom.ses.notification.NotificationJson;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;

/**
 * The JSON SES writes about received mail
 * (https://docs.aws.amazon.com/ses/latest/dg/receiving-email-notifications-contents.html): a {@code Received}
 * notification is {@code notificationType}, {@code mail} (envelope sender, message id, header recipients,
 * headers, common headers), {@code receipt} (time, matched recipients, verdicts and the action that ran) and,
 * for the SNS action only, {@code content}; the Lambda action gets {@code mail} and {@code receipt} wrapped
 * as one {@code aws:ses} record
 * (https://docs.aws.amazon.com/ses/latest/dg/receiving-email-action-lambda-event.html).
 */
public final class ReceiptJson {
    /** The Subject SES gives every receipt notification it publishes to SNS. */
    public static final String SUBJECT = "Amazon SES Email Receipt Notification";
    private static final JsonNodeFactory F = JsonNodeFactory.instance;

    private ReceiptJson() {
    }

    public static ObjectNode mail(ReceivedMail m) {
        ParsedMessage p = m.parsed();
        ObjectNode mail = F.objectNode();
        mail.put("timestamp", NotificationJson.time(m.receivedMillis()));
        mail.put("source", m.mailFrom());
        mail.put("messageId", m.messageId());
        mail.set("destination", strings(m.destination()));
        NotificationJson.putHeaders(mail, p.headers());
        ObjectNode common = mail.putObject("commonHeaders");
        common.put("returnPath", m.mailFrom());
        putList(common, "from", p.from());
        if (p.date() != null) {
            common.put("date", p.date());
        }
        putList(common, "to", p.to());
        putList(common, "cc", p.cc());
        putList(common, "bcc", p.bcc());
        putList(common, "replyTo", p.replyTo());
        if (p.messageId() != null) {
            common.put("messageId", p.messageId());
        }
        if (p.subject() != null) {
            common.put("subject", p.subject());
        }
        return mail;
    }

    /**
     * @param scanned the rule's ScanEnabled: spam and virus verdicts are PASS when scanned (nothing here is
     *                spam), DISABLED otherwise. SPF passes (a local client is taken as permitted), DKIM passes
     *                when the message carries a signature (not checked) and is GRAY without one, DMARC is GRAY.
     */
    public static ObjectNode receipt(ReceivedMail m, long now, List<String> recipients, boolean scanned,
                                     ObjectNode action) {
        ObjectNode r = F.objectNode();
        r.put("timestamp", NotificationJson.time(now));
        r.put("processingTimeMillis", Math.max(0, now - m.receivedMillis()));
        r.set("recipients", strings(recipients));
        r.putObject("spamVerdict").put("status", scanned ? "PASS" : "DISABLED");
        r.putObject("virusVerdict").put("status", scanned ? "PASS" : "DISABLED");
        r.putObject("spfVerdict").put("status", "PASS");
        r.putObject("dkimVerdict").put("status", m.dkimSigned() ? "PASS" : "GRAY");
        r.putObject("dmarcVerdict").put("status", "GRAY");
        r.set("action", action);
        return r;
    }

    /** The notification an action's TopicArn receives; {@code content} only for the SNS action. */
    public static ObjectNode notification(ReceivedMail m, ObjectNode receipt, String encoding) {
        ObjectNode n = F.objectNode();
        n.put("notificationType", "Received");
        n.set("mail", mail(m));
        n.set("receipt", receipt);
        if (encoding != null) {
            n.put("content", "Base64".equalsIgnoreCase(encoding) ? Base64.getEncoder().encodeToString(m.raw())
                    : new String(m.raw(), StandardCharsets.UTF_8));
        }
        return n;
    }

    /** The event a Lambda action passes to its function: one {@code aws:ses} record without the body. */
    public static ObjectNode lambdaEvent(ReceivedMail m, ObjectNode receipt) {
        ObjectNode event = F.objectNode();
        ObjectNode record = event.putArray("Records").addObject();
        record.put("eventSource", "aws:ses");
        record.put("eventVersion", "1.0");
        ObjectNode ses = record.putObject("ses");
        ses.set("mail", mail(m));
        ses.set("receipt", receipt);
        return event;
    }

    private static void putList(ObjectNode o, String field, List<String> values) {
        if (!values.isEmpty()) {
            o.set(field, strings(values));
        }
    }

    static ArrayNode strings(List<String> values) {
        ArrayNode a = F.arrayNode();
        values.forEach(a::add);
        return a;
    }
}
