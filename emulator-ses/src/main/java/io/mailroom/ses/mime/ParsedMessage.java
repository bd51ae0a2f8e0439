package io.mailroom.ses.mime;

import java.util.List;

/**
 * A raw message as SES reads it.
 *
 * @param from     From header addresses (as written)
 * @param bodyText first text/plain part that is not an attachment, or null
 * @param bodyHtml first text/html part that is not an attachment, or null
 */
public record ParsedMessage(List<String> from, List<String> to, List<String> cc, List<String> bcc,
                            List<String> replyTo, String subject, String messageId, String date, String bodyText,
                            String bodyHtml, List<AttachmentInfo> attachments, List<Header> headers) {

    public record AttachmentInfo(String fileName, String contentType, int size) {
    }

    /** The first value of a header (case-insensitive), or null. */
    public String header(String name) {
        for (Header h : headers) {
            if (h.name().equalsIgnoreCase(name)) {
                return h.value();
            }
        }
        return null;
    }
}
