package io.mailroom.ses.sending;

import java.util.List;
import java.util.Map;

/**
 * An accepted message, kept for inspection. {@code raw} is the complete RFC 5322 message as it left SES.
 *
 * @param source        envelope sender as given (may carry a display name)
 * @param destinations  every envelope recipient (To, Cc, Bcc, or the raw message's Destinations)
 * @param templateName  for templated sends, else null
 */
public record SentMessage(String id, String accountId, String region, long timestampMillis, String source,
                          List<String> to, List<String> cc, List<String> bcc, List<String> destinations,
                          String subject, String text, String html, byte[] raw, String templateName,
                          String templateData, Map<String, List<String>> tags, String configurationSetName) {
}
