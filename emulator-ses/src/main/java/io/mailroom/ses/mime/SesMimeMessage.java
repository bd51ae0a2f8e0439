package io.mailroom.ses.mime;

import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.internet.MimeMessage;
import java.io.InputStream;

/**
 * A MimeMessage whose Message-ID is the one SES assigns ({@code <id@email.amazonses.com>}) rather than
 * one Jakarta Mail invents on save.
 */
final class SesMimeMessage extends MimeMessage {
    private final String messageIdHeader;

    SesMimeMessage(Session session, String messageIdHeader) {
        super(session);
        this.messageIdHeader = messageIdHeader;
    }

    SesMimeMessage(Session session, InputStream in, String messageIdHeader) throws MessagingException {
        super(session, in);
        this.messageIdHeader = messageIdHeader;
    }

    @Override
    protected void updateMessageID() throws MessagingException {
        if (messageIdHeader != null) {
            setHeader("Message-ID", messageIdHeader);
        } else if (getHeader("Message-ID") == null) {
            super.updateMessageID();
        }
    }
}
