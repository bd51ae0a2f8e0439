package io.mailroom.sns.email;

/**
 * The email sink SNS uses: recording until another sink (SES) is connected. SES and SNS depend on each
 * other (SES publishes to topics, SNS mails through SES), so the connection is made after both exist.
 */
public final class SwitchableEmailSink implements EmailSink {
    private volatile EmailSink target;

    public SwitchableEmailSink(EmailSink initial) {
        this.target = initial;
    }

    public void switchTo(EmailSink next) {
        this.target = next;
    }

    @Override
    public void send(EmailMessage message) {
        target.send(message);
    }
}
