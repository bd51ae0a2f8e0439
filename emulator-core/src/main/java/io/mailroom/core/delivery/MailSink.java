package io.mailroom.core.delivery;

import java.util.List;

/**
 * How a service hands a plain e-mail to the SES side of this server, so it is stored and shown like any
 * sent mail (SNS {@code email} and {@code email-json} subscriptions). Implemented by SES.
 */
public interface MailSink {

    /**
     * @param from    sender address
     * @param to      recipients
     * @param subject subject line
     * @param body    plain-text body
     * @return the SES message id of the stored message
     */
    String deliver(String from, List<String> to, String subject, String body);
}
