package io.mailroom.ses.mime;

/** A raw message that is not valid MIME, or a message that could not be written. */
public final class MimeFailure extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public MimeFailure(String message, Throwable cause) {
        super(message, cause, false, false);
    }
}
