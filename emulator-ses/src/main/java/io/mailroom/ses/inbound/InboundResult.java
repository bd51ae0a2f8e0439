package io.mailroom.ses.inbound;

import java.util.List;

/**
 * What became of one inbound message, per envelope recipient: an SMTP server answers 250 for {@code accepted}
 * and 550 for {@code rejected}.
 *
 * @param messageId the SES message id of the received mail (the S3 action's object key suffix); null when no
 *                  recipient was taken by any receipt rule
 * @param accepted  recipients a receipt rule took and did not refuse
 * @param rejected  recipients no enabled rule of an active rule set matched, or that an IP filter, a rule's
 *                  TLS policy, a Bounce action or a failed action refused
 */
public record InboundResult(String messageId, List<String> accepted, List<String> rejected) {

    public InboundResult {
        accepted = List.copyOf(accepted);
        rejected = List.copyOf(rejected);
    }
}
