package io.mailroom.sns.email;

/**
 * Where SNS hands emails for email/email-json subscriptions. Recording by default; SES can take over
 * sending later by implementing this.
 */
@FunctionalInterface
public interface EmailSink {
    void send(EmailMessage message);
}
