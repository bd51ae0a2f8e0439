package io.mailroom.ses.inbound;

import java.util.List;

/**
 * An inbound message as one account's active receipt rule set processed it, kept for the dashboard and tests.
 *
 * @param messageId  the SES message id (also the S3 object key after the action's prefix)
 * @param mailFrom   the envelope sender (SMTP MAIL FROM), empty for the null reverse-path
 * @param recipients the envelope recipients this account's rule set took up
 * @param remoteIp   the connecting client's IP, as the IP filters saw it
 * @param tls        whether the message arrived over TLS (rules with {@code TlsPolicy: Require} need it)
 * @param ruleSet    the active rule set's name
 * @param rules      the enabled rules that matched, in the order they ran
 * @param actions    every action that ran, in order, with its outcome
 * @param raw        the message as the actions stored it: SES's trace headers and AddHeader headers added
 */
public record InboundRecord(String messageId, long timestampMillis, String accountId, String region, String mailFrom,
                            List<String> recipients, String remoteIp, boolean tls, String ruleSet, List<String> rules,
                            List<ActionRecord> actions, List<String> accepted, List<String> rejected, byte[] raw) {

    public InboundRecord {
        recipients = List.copyOf(recipients);
        rules = List.copyOf(rules);
        actions = List.copyOf(actions);
        accepted = List.copyOf(accepted);
        rejected = List.copyOf(rejected);
    }

    @Override
    public byte[] raw() {
        return raw.clone();
    }
}
