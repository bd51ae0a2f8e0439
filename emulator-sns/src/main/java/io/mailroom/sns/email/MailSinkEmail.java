package io.mailroom.sns.email;

import io.mailroom.core.delivery.MailSink;
import java.util.List;

/** Hands SNS's emails to SES through the core MailSink port, so they are stored like any sent mail. */
public final class MailSinkEmail implements EmailSink {
    private final MailSink sink;

    public MailSinkEmail(MailSink sink) {
        this.sink = sink;
    }

    @Override
    public void send(EmailMessage message) {
        sink.deliver(message.from(), List.of(message.to()), message.subject(), message.body());
    }
}
