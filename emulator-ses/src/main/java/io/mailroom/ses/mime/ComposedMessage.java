package io.mailroom.ses.mime;

import java.util.List;

/** What to put in a message SES builds from Simple or Template content. */
public record ComposedMessage(String from, List<String> to, List<String> cc, List<String> replyTo, String subject,
                              String text, String html, String charset, List<Header> extraHeaders,
                              List<AttachmentSpec> attachments) {
}
