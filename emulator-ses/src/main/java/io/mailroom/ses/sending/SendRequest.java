package io.mailroom.ses.sending;

import io.mailroom.ses.account.Scope;
import io.mailroom.ses.api.Api;
import java.util.List;
import java.util.Map;

/**
 * One message to send, whichever operation carried it.
 *
 * @param operation      the API operation, reported in events as {@code ses:operation}
 * @param source         From / Source as given (may carry a display name); null for raw content to use
 *                       the From header
 * @param sourceArn      v1 SourceArn/FromArn, v2 FromEmailAddressIdentityArn (sending authorization), or null
 * @param returnPath     v1 ReturnPath, v2 FeedbackForwardingEmailAddress, or null
 * @param destination    explicit recipients; null for raw content to use the message's To/Cc/Bcc
 * @param listManagement v2 ListManagementOptions, or null
 */
public record SendRequest(Api api, Scope scope, String operation, String source, String sourceArn,
                          String returnPath, Destination destination, List<String> replyTo,
                          String configurationSetName, Map<String, String> tags, MailContent content,
                          ListManagement listManagement) {

    public record Destination(List<String> to, List<String> cc, List<String> bcc) {
        public Destination {
            to = List.copyOf(to);
            cc = List.copyOf(cc);
            bcc = List.copyOf(bcc);
        }

        public int count() {
            return to.size() + cc.size() + bcc.size();
        }
    }

    public record ListManagement(String contactListName, String topicName) {
    }

    public SendRequest withContent(MailContent c, Destination d, Map<String, String> t) {
        return new SendRequest(api, scope, operation, source, sourceArn, returnPath, d, replyTo,
                configurationSetName, t, c, listManagement);
    }
}
