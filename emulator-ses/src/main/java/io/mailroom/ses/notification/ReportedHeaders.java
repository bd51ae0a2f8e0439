package io.mailroom.ses.notification;

import io.mailroom.ses.mime.Header;
import io.mailroom.ses.mime.ParsedMessage;
import java.util.List;
import java.util.Set;

/**
 * The {@code headers} and {@code commonHeaders} a mail object reports: those of the message as it was handed to
 * SES, before SES stamps its own Message-ID and Date on it ("you can retrieve the headers of the original message
 * from the headers and commonHeaders fields of the mail object",
 * https://docs.aws.amazon.com/ses/latest/dg/notification-contents.html). As AWS recorded them (LocalStack's
 * snapshots of test_ses_sns_topic_integration_*, 2023): SendEmail reports From, To, Subject, MIME-Version and
 * Content-Type; an empty raw message no header at all; {@code commonHeaders.messageId} is the SES message id
 * unless the message came with one of its own.
 */
public record ReportedHeaders(List<Header> headers, MailMetadata.CommonHeaders common) {
    private static final Set<String> STAMPED = Set.of("message-id", "date");

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

    private static List<Header> without(ParsedMessage m, Set<String> lowerCaseNames) {
        return m.headers().stream().filter(h -> !lowerCaseNames.contains(h.name().toLowerCase(java.util.Locale.ROOT)))
                .toList();
    }

    private static MailMetadata.CommonHeaders common(ParsedMessage m, String messageId, String date, String subject,
                                                     String returnPath) {
        return new MailMetadata.CommonHeaders(m.from(), m.to(), m.cc(), m.replyTo(), returnPath, messageId, date,
                subject);
    }
}
