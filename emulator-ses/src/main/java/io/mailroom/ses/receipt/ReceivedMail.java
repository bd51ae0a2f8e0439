package io.mailroom.ses.receipt;

import io.mailroom.ses.mime.Header;
import io.mailroom.ses.mime.MimeFailure;
import io.mailroom.ses.mime.MimeParser;
import io.mailroom.ses.mime.ParsedMessage;
import jakarta.mail.internet.AddressException;
import jakarta.mail.internet.InternetAddress;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * An inbound message while its rules run: the bytes the client sent, with the trace headers SES writes on
 * receipt on top ({@code Return-Path}, {@code Received}, and the verdict headers when scanning is on, as in
 * https://docs.aws.amazon.com/ses/latest/dg/receiving-email-action-lambda-event.html) and whatever AddHeader
 * actions add. Everything else is kept byte for byte: S3 stores, and SNS carries, the message as received.
 */
public final class ReceivedMail {
    private static final DateTimeFormatter RFC_5322 =
            DateTimeFormatter.ofPattern("EEE, dd MMM yyyy HH:mm:ss Z '(UTC)'", Locale.ROOT).withZone(ZoneOffset.UTC);

    private final String messageId;
    private final long receivedMillis;
    private final String mailFrom;
    private final List<String> envelopeRecipients;
    private final String newline;
    private byte[] raw;
    private ParsedMessage parsed;

    public ReceivedMail(String messageId, long receivedMillis, String mailFrom, List<String> envelopeRecipients,
                        byte[] clientBytes, String remoteIp, String region, boolean scanned) {
        this.messageId = messageId;
        this.receivedMillis = receivedMillis;
        this.mailFrom = mailFrom;
        this.envelopeRecipients = List.copyOf(envelopeRecipients);
        this.newline = new String(clientBytes, StandardCharsets.ISO_8859_1).contains("\r\n") ? "\r\n" : "\n";
        this.raw = clientBytes.clone();
        List<Header> trace = new ArrayList<>();
        trace.add(new Header("Return-Path", "<" + mailFrom + ">"));
        String client = remoteIp == null || remoteIp.isBlank() ? "unknown" : remoteIp;
        trace.add(new Header("Received", "from " + client + " ([" + client + "]) by inbound-smtp." + region
                + ".amazonaws.com with SMTP id " + messageId + " for " + envelopeRecipients.get(0) + "; "
                + RFC_5322.format(Instant.ofEpochMilli(receivedMillis))));
        if (scanned) {
            trace.add(new Header("X-SES-Spam-Verdict", "PASS"));
            trace.add(new Header("X-SES-Virus-Verdict", "PASS"));
        }
        for (int i = trace.size() - 1; i >= 0; i--) {
            prepend(trace.get(i));
        }
    }

    /** AddHeader: the header goes on top of the message, so every later action sees it. */
    public void addHeader(String name, String value) {
        prepend(new Header(name, value));
    }

    private void prepend(Header h) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(raw.length + 128);
        out.writeBytes((h.name() + ": " + h.value() + newline).getBytes(StandardCharsets.UTF_8));
        out.writeBytes(raw);
        raw = out.toByteArray();
        parsed = null;
    }

    public String messageId() {
        return messageId;
    }

    public long receivedMillis() {
        return receivedMillis;
    }

    public String mailFrom() {
        return mailFrom;
    }

    public byte[] raw() {
        return raw.clone();
    }

    public int size() {
        return raw.length;
    }

    /** The message read as SES reads it; a message Jakarta Mail cannot read yields empty headers. */
    public ParsedMessage parsed() {
        if (parsed == null) {
            try {
                parsed = MimeParser.parse(raw);
            } catch (MimeFailure e) {
                parsed = new ParsedMessage(List.of(), List.of(), List.of(), List.of(), List.of(), null, null, null,
                        null, null, List.of(), List.of());
            }
        }
        return parsed;
    }

    /**
     * {@code mail.destination}: "all recipient addresses (including To: and CC: recipients) from the MIME
     * headers", as bare addresses; the envelope recipients when the headers name none.
     */
    public List<String> destination() {
        List<String> out = new ArrayList<>();
        for (String a : parsed().to()) {
            out.add(bare(a));
        }
        for (String a : parsed().cc()) {
            out.add(bare(a));
        }
        return out.isEmpty() ? envelopeRecipients : out;
    }

    public boolean dkimSigned() {
        return parsed().header("DKIM-Signature") != null;
    }

    private static String bare(String address) {
        try {
            return new InternetAddress(address, false).getAddress();
        } catch (AddressException e) {
            return address;
        }
    }
}
