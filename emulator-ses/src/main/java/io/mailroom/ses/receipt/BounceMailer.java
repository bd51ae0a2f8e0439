package io.mailroom.ses.receipt;

import io.mailroom.ses.account.Scope;

/** How a Bounce action sends its bounce message: SES writes it, so it lands with the other mail SES sent. */
@FunctionalInterface
public interface BounceMailer {

    /** @return the SES message id of the bounce message */
    String send(Scope scope, String from, String to, String subject, String text);
}
