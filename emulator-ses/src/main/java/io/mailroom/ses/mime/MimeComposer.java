package io.mailroom.ses.mime;

import jakarta.activation.DataHandler;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeBodyPart;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimePart;
import jakarta.mail.internet.MimeMultipart;
import jakarta.mail.util.ByteArrayDataSource;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UnsupportedEncodingException;
import java.util.Date;
import java.util.List;
import java.util.Locale;
import java.util.Properties;

/**
 * Writes the RFC 5322 message SES builds from Simple or Template content: Date, From, Reply-To, To, Cc
 * (never Bcc), Message-ID, Subject, MIME-Version; a text or HTML body alone, both as
 * multipart/alternative, and with attachments (v2) a multipart/mixed around them.
 */
public final class MimeComposer {
    static final Session SESSION = Session.getInstance(new Properties());

    private MimeComposer() {
    }

    /**
     * Addresses as headers carry them: a display name outside ASCII becomes an encoded word (RFC 2047), so
     * that the message, and the headers SES reports from it, read back as the caller wrote the name.
     */
    private static InternetAddress[] addresses(List<String> list, String charset)
            throws MessagingException, UnsupportedEncodingException {
        InternetAddress[] parsed = InternetAddress.parse(String.join(",", list), false);
        for (InternetAddress a : parsed) {
            if (a.getPersonal() != null) {
                a.setPersonal(a.getPersonal(), charset);
            }
        }
        return parsed;
    }

    public static byte[] compose(ComposedMessage m, String messageIdHeader, long dateMillis) {
        try {
            MimeMessage msg = new SesMimeMessage(SESSION, messageIdHeader);
            String charset = m.charset() == null ? "UTF-8" : m.charset();
            msg.setSentDate(new Date(dateMillis));
            msg.setFrom(addresses(List.of(m.from()), charset)[0]);
            if (!m.replyTo().isEmpty()) {
                msg.setReplyTo(addresses(m.replyTo(), charset));
            }
            if (!m.to().isEmpty()) {
                msg.setRecipients(Message.RecipientType.TO, addresses(m.to(), charset));
            }
            if (!m.cc().isEmpty()) {
                msg.setRecipients(Message.RecipientType.CC, addresses(m.cc(), charset));
            }
            msg.setSubject(m.subject() == null ? "" : m.subject(), charset);
            for (Header h : m.extraHeaders()) {
                msg.addHeader(h.name(), h.value());
            }
            if (m.attachments().isEmpty()) {
                fill(msg, m.text(), m.html(), charset);
            } else {
                MimeMultipart mixed = new MimeMultipart("mixed");
                MimeBodyPart body = new MimeBodyPart();
                fill(body, m.text(), m.html(), charset);
                mixed.addBodyPart(body);
                for (AttachmentSpec a : m.attachments()) {
                    mixed.addBodyPart(attachment(a));
                }
                msg.setContent(mixed);
            }
            msg.saveChanges();
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            msg.writeTo(out);
            return out.toByteArray();
        } catch (MessagingException | IOException e) {
            throw new MimeFailure("cannot build message: " + e.getMessage(), e);
        }
    }

    /**
     * Stamps a raw message as SES does before sending: its own Message-ID and Date replace any the client
     * set ("if you passed these headers when creating the message, they are overwritten",
     * https://docs.aws.amazon.com/ses/latest/dg/header-fields.html), and Bcc is removed.
     */
    public static byte[] completeRaw(byte[] raw, String messageIdHeader, long dateMillis) {
        try {
            MimeMessage msg = new MimeMessage(SESSION, new ByteArrayInputStream(raw));
            msg.setHeader("Message-ID", messageIdHeader);
            msg.setSentDate(new Date(dateMillis));
            msg.removeHeader("Bcc");
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            msg.writeTo(out);
            return out.toByteArray();
        } catch (MessagingException | IOException e) {
            throw new MimeFailure("cannot read message: " + e.getMessage(), e);
        }
    }

    /** Text alone, HTML alone, or both as multipart/alternative (text first, as clients prefer the last). */
    private static void fill(MimePart target, String text, String html, String charset) throws MessagingException {
        if (text != null && html != null) {
            MimeMultipart alt = new MimeMultipart("alternative");
            MimeBodyPart t = new MimeBodyPart();
            t.setText(text, charset, "plain");
            MimeBodyPart h = new MimeBodyPart();
            h.setText(html, charset, "html");
            alt.addBodyPart(t);
            alt.addBodyPart(h);
            target.setContent(alt);
        } else if (html != null) {
            target.setText(html, charset, "html");
        } else {
            target.setText(text == null ? "" : text, charset, "plain");
        }
    }

    private static MimeBodyPart attachment(AttachmentSpec a) throws MessagingException {
        MimeBodyPart part = new MimeBodyPart();
        String type = a.contentType() == null ? "application/octet-stream" : a.contentType();
        part.setDataHandler(new DataHandler(new ByteArrayDataSource(a.content(), type)));
        part.setFileName(a.fileName());
        part.setDisposition("INLINE".equals(a.disposition()) ? MimeBodyPart.INLINE : MimeBodyPart.ATTACHMENT);
        if (a.contentId() != null) {
            part.setContentID(a.contentId().startsWith("<") ? a.contentId() : "<" + a.contentId() + ">");
        }
        if (a.description() != null) {
            part.setDescription(a.description());
        }
        String enc = a.transferEncoding() == null ? "BASE64" : a.transferEncoding();
        part.setHeader("Content-Transfer-Encoding", switch (enc.toUpperCase(Locale.ROOT)) {
            case "QUOTED_PRINTABLE" -> "quoted-printable";
            case "SEVEN_BIT" -> "7bit";
            default -> "base64";
        });
        return part;
    }
}
