package io.mailroom.junit5;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Objects;

/**
 * A message SES accepted, as {@code GET /_aws/ses} shows it.
 *
 * @param messageId the SES message id the send returned
 * @param source    the sender as given ({@code "Shop <shop@example.com>"} or a bare address)
 * @param to        the To addresses, as given; empty for raw mail sent without explicit destinations
 * @param cc        the Cc addresses, as given
 * @param subject   the subject after template rendering
 * @param text      the text part, or null
 * @param html      the HTML part, or null
 * @param raw       the complete RFC 5322 message as it left SES
 */
public record SentMail(String messageId, String source, List<String> to, List<String> cc, String subject,
                       String text, String html, byte[] raw) {
    public SentMail {
        to = List.copyOf(to);
        cc = List.copyOf(cc);
        raw = raw.clone();
    }

    /** A copy: the record stays immutable. */
    @Override
    public byte[] raw() {
        return raw.clone();
    }

    /**
     * Whether {@code address} is among the To or Cc recipients, compared as bare addresses and ignoring case
     * ({@code "Ann <ANN@x.org>"} is sent to {@code ann@x.org}).
     */
    public boolean isAddressedTo(String address) {
        String wanted = bare(address);
        return to.stream().map(SentMail::bare).anyMatch(wanted::equals)
                || cc.stream().map(SentMail::bare).anyMatch(wanted::equals);
    }

    static String bare(String address) {
        int open = address.lastIndexOf('<');
        int close = address.lastIndexOf('>');
        String bare = open >= 0 && close > open ? address.substring(open + 1, close) : address;
        return bare.trim().toLowerCase(Locale.ROOT);
    }

    // Records compare arrays by identity; mail is equal when its bytes are.
    @Override
    public boolean equals(Object o) {
        return o instanceof SentMail m && messageId.equals(m.messageId) && Objects.equals(source, m.source)
                && to.equals(m.to) && cc.equals(m.cc) && Objects.equals(subject, m.subject)
                && Objects.equals(text, m.text) && Objects.equals(html, m.html) && Arrays.equals(raw, m.raw);
    }

    @Override
    public int hashCode() {
        return Objects.hash(messageId, source, to, cc, subject, text, html) * 31 + Arrays.hashCode(raw);
    }

    @Override
    public String toString() {
        return "SentMail[messageId=" + messageId + ", source=" + source + ", to=" + to + ", cc=" + cc
                + ", subject=" + subject + ", " + raw.length + " bytes]";
    }
}
