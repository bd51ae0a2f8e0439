package io.mailroom.ses.notification;

import io.mailroom.ses.mime.Header;
import java.util.List;
import java.util.Map;

/**
 * What SES reports about a message in the {@code mail} object of every notification and event.
 *
 * @param source          the envelope sender (bare address)
 * @param sourceArn       the identity that authorized the send, or null (auto-verify without identity)
 * @param callerIdentity  IAM identity that called SES
 * @param operation       the API operation ({@code SendEmail}, {@code SendRawEmail}, ...)
 * @param commonHeaders   parsed From/To/Subject/... of the message
 * @param tags            the message tags (user tags and SES's own {@code ses:*} tags)
 */
public record MailMetadata(String messageId, long timestampMillis, String source, String sourceArn,
                           String sendingAccountId, String callerIdentity, String operation,
                           List<String> destination, List<Header> headers, CommonHeaders commonHeaders,
                           Map<String, List<String>> tags) {

    public record CommonHeaders(List<String> from, List<String> to, List<String> cc, List<String> replyTo,
                                String returnPath, String messageId, String date, String subject) {
    }
}
