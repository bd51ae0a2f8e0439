package io.mailroom.core.error;

/**
 * The one exception that carries an AWS error to the client. Only the protocol codecs render it.
 * It has no stack trace: it is ordinary control flow for bad input, not a bug.
 */
public final class AwsException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    private final transient ErrorCode error;

    public AwsException(ErrorCode error, String message) {
        super(message, null, false, false);
        this.error = error;
    }

    public ErrorCode error() {
        return error;
    }
}
