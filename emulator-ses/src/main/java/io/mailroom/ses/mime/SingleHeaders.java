package io.mailroom.ses.mime;

import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * The header fields SES refuses to find twice in a message's header section
 * (<a href="https://docs.aws.amazon.com/ses/latest/dg/header-fields.html">Amazon SES header fields</a>).
 */
public final class SingleHeaders {
    private static final Set<String> NAMES = Set.of("accept-language", "acceptlanguage", "archived-at",
            "auto-submitted", "bounces-to", "comments", "content-alternative", "content-base", "content-class",
            "content-description", "content-disposition", "content-duration", "content-id", "content-language",
            "content-length", "content-location", "content-md5", "content-transfer-encoding", "content-type", "date",
            "delivered-to", "disposition-notification-options", "disposition-notification-to", "dkim-signature",
            "domainkey-signature", "errors-to", "from", "importance", "in-reply-to", "keywords", "list-archive",
            "list-help", "list-id", "list-owner", "list-post", "list-subscribe", "list-unsubscribe",
            "list-unsubscribe-post", "message-context", "message-id", "mime-version", "organization", "original-from",
            "original-message-id", "original-recipient", "original-subject", "precedence", "priority", "references",
            "reply-to", "return-path", "return-receipt-to", "sender", "solicitation", "sensitivity", "subject",
            "thread-index", "thread-topic", "user-agent", "vbr-info");

    private SingleHeaders() {
    }

    /** The first of those fields that appears a second time, as the message names it; null if none does. */
    public static String firstRepeated(List<Header> headers) {
        Set<String> seen = new HashSet<>();
        for (Header h : headers) {
            String name = h.name().toLowerCase(Locale.ROOT);
            if (NAMES.contains(name) && !seen.add(name)) {
                return h.name();
            }
        }
        return null;
    }
}
