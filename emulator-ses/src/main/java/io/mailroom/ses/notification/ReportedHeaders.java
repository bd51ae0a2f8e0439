package io.mailroom.ses.notification;

import io.mailroom.ses.mime.Header;
import io.mailroom.ses.mime.ParsedMessage;
import jakarta.mail.internet.MimeUtility;
import java.io.UnsupportedEncodingException;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * The {@code headers} and {@code commonHeaders} a mail object reports: those of the message as it was handed to
 * SES, before SES stamps its own Message-ID and Date on it (SES overwrites headers when sending, and the original
 * ones are what these fields give back, https://docs.aws.amazon.com/ses/latest/dg/notification-contents.html).
 * As AWS recorded them (LocalStack's snapshots of test_ses_sns_topic_integration_*, 2023): SendEmail reports
 * From, To, Subject, MIME-Version and Content-Type; an empty raw message no header at all;
 * {@code commonHeaders.messageId} is the SES message id unless the message came with one of its own.
 */
public record ReportedHeaders(List<Header> headers, MailMetadata.CommonHeaders common) {
    private static final Set<String> STAMPED = Set.of("message-id", "date");
    /** What a template's rendering writes, besides the Message-ID SES stamps. */
    private static final Set<String> RENDERED = Set.of("message-id", "date", "subject", "content-type",
            "content-transfer-encoding");

    /** A raw message: the headers it came with. */
    public static ReportedHeaders ofRaw(ParsedMessage original, String messageId, String returnPath) {
        return new ReportedHeaders(original.headers(), common(original, original.messageId() != null
                ? original.messageId() : messageId, original.date(), original.subject(), returnPath));
    }

    /** Simple content as SES composed it, without the Message-ID and Date it stamps on sending. */
    public static ReportedHeaders ofComposed(ParsedMessage composed, String messageId, String returnPath) {
        return new ReportedHeaders(without(composed, STAMPED),
                common(composed, messageId, null, composed.subject(), returnPath));
    }

    /**
     * A rendered template, once sent (its Delivery and later events): the rendering writes a Date, as
     * TestRenderTemplate shows, so only the Message-ID is left out (AWS's recorded Delivery of SendTemplatedEmail).
     */
    public static ReportedHeaders ofRendered(ParsedMessage composed, String messageId, String returnPath) {
        return new ReportedHeaders(without(composed, Set.of("message-id")),
                common(composed, messageId, composed.date(), composed.subject(), returnPath));
    }

    /**
     * A template not rendered yet, as its Send event (and a Rendering Failure) describes it: SES accepts the call
     * and renders afterwards, so the message has its addresses and MIME-Version but no Subject nor body headers
     * (AWS's recorded Send of SendTemplatedEmail: From, To, MIME-Version).
     */
    public static ReportedHeaders beforeRendering(ParsedMessage composed, String messageId, String returnPath) {
        return new ReportedHeaders(without(composed, RENDERED), common(composed, messageId, null, null, returnPath));
    }

    private static List<Header> without(ParsedMessage m, Set<String> lowerCaseNames) {
        return m.headers().stream().filter(h -> !lowerCaseNames.contains(h.name().toLowerCase(Locale.ROOT)))
                .toList();
    }

    private static MailMetadata.CommonHeaders common(ParsedMessage m, String messageId, String date, String subject,
                                                     String returnPath) {
        return new MailMetadata.CommonHeaders(decoded(m.from()), decoded(m.to()), decoded(m.cc()),
                decoded(m.replyTo()), returnPath, messageId, date, subject);
    }

    /** Addresses with their display names as the caller wrote them, not as the headers encode them. */
    private static List<String> decoded(List<String> addresses) {
        return addresses.stream().map(a -> {
            try {
                return MimeUtility.decodeText(a);
            } catch (UnsupportedEncodingException e) {
                return a; // an unknown charset: the encoded form is all there is
            }
        }).toList();
    }
}
