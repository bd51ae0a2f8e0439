package io.mailroom.ses.inbound;

import java.util.List;

/**
 * The SMTP envelope of an inbound message.
 *
 * @param mailFrom   MAIL FROM (empty for the null reverse-path {@code <>})
 * @param recipients RCPT TO addresses, bare
 * @param remoteIp   the client's IP address, for the receipt IP filters (null when unknown)
 * @param tls        whether the session was encrypted (STARTTLS), for rules with {@code TlsPolicy: Require}
 */
public record InboundEnvelope(String mailFrom, List<String> recipients, String remoteIp, boolean tls) {

    public InboundEnvelope {
        mailFrom = mailFrom == null ? "" : strip(mailFrom);
        recipients = recipients.stream().map(InboundEnvelope::strip).filter(r -> !r.isEmpty()).distinct().toList();
    }

    /** {@code <a@b>} → {@code a@b}: callers may hand over the SMTP path as written. */
    private static String strip(String path) {
        String s = path.trim();
        if (s.startsWith("<") && s.endsWith(">")) {
            s = s.substring(1, s.length() - 1).trim();
        }
        return s;
    }
}
