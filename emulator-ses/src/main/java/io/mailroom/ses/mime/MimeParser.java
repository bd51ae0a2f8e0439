package io.mailroom.ses.mime;

import jakarta.mail.Address;
import jakarta.mail.BodyPart;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.Multipart;
import jakarta.mail.Part;
import jakarta.mail.internet.AddressException;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeUtility;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Enumeration;
import java.util.List;

/** Reads a raw RFC 5322 / MIME message (SendRawEmail, v2 Raw content) with Angus Mail. */
public final class MimeParser {
    private MimeParser() {
    }

    public static ParsedMessage parse(byte[] raw) {
        try {
            MimeMessage msg = new MimeMessage(MimeComposer.SESSION, new ByteArrayInputStream(raw));
            List<Header> headers = new ArrayList<>();
            for (Enumeration<jakarta.mail.Header> e = msg.getAllHeaders(); e.hasMoreElements(); ) {
                jakarta.mail.Header h = e.nextElement();
                headers.add(new Header(h.getName(), unfold(h.getValue())));
            }
            Body body = new Body();
            walk(msg, body);
            return new ParsedMessage(addresses(msg, "From"), addresses(msg, "To"), addresses(msg, "Cc"),
                    addresses(msg, "Bcc"), addresses(msg, "Reply-To"), decodedSubject(msg),
                    msg.getHeader("Message-ID", null), msg.getHeader("Date", null), body.text, body.html,
                    List.copyOf(body.attachments), List.copyOf(headers));
        } catch (MessagingException | IOException e) {
            throw new MimeFailure(e.getMessage(), e);
        }
    }

    /** Recipients of a header as bare addresses; {@link AddressException} for malformed ones. */
    private static List<String> addresses(MimeMessage msg, String header) throws MessagingException {
        String value = msg.getHeader(header, ",");
        if (value == null || value.isBlank()) {
            return List.of();
        }
        List<String> out = new ArrayList<>();
        for (Address a : InternetAddress.parseHeader(value, false)) {
            out.add(a.toString());
        }
        return Collections.unmodifiableList(out);
    }

    private static String decodedSubject(MimeMessage msg) throws MessagingException {
        String s = msg.getSubject();
        return s;
    }

    private static void walk(Part part, Body body) throws MessagingException, IOException {
        String disposition = part.getDisposition();
        boolean attachment = Part.ATTACHMENT.equalsIgnoreCase(disposition) || part.getFileName() != null;
        if (part.isMimeType("multipart/*")) {
            Multipart mp = (Multipart) part.getContent();
            for (int i = 0; i < mp.getCount(); i++) {
                BodyPart child = mp.getBodyPart(i);
                walk(child, body);
            }
        } else if (!attachment && part.isMimeType("text/plain") && body.text == null) {
            body.text = String.valueOf(part.getContent());
        } else if (!attachment && part.isMimeType("text/html") && body.html == null) {
            body.html = String.valueOf(part.getContent());
        } else if (!(part instanceof Message)) {
            body.attachments.add(new ParsedMessage.AttachmentInfo(fileName(part), baseType(part.getContentType()),
                    size(part)));
        }
    }

    private static String fileName(Part part) throws MessagingException {
        String name = part.getFileName();
        if (name == null) {
            return null;
        }
        try {
            return MimeUtility.decodeText(name);
        } catch (java.io.UnsupportedEncodingException e) {
            return name;
        }
    }

    private static int size(Part part) throws MessagingException, IOException {
        try (InputStream in = part.getInputStream()) {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            in.transferTo(out);
            return out.size();
        }
    }

    private static String baseType(String contentType) {
        int semi = contentType.indexOf(';');
        return (semi < 0 ? contentType : contentType.substring(0, semi)).trim();
    }

    private static String unfold(String value) {
        return value == null ? null : value.replaceAll("\r?\n[ \t]+", " ");
    }

    private static final class Body {
        String text;
        String html;
        final List<ParsedMessage.AttachmentInfo> attachments = new ArrayList<>();
    }
}
