package io.mailroom.core.error;

/**
 * The one exception that carries an AWS error to the client. Only the protocol codecs render it.
 * It has no stack trace: it is ordinary control flow for bad input, not a bug.
 */
public final class AwsException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    private final transient ErrorCode error;
    private final String queryMessage;

    public AwsException(ErrorCode error, String message) {
        this(error, message, null);
    }

    /** An error whose message AWS words differently in the Query protocol than in the JSON protocols. */
    public AwsException(ErrorCode error, String message, String queryMessage) {
        super(message, null, false, false);
        this.error = error;
        this.queryMessage = queryMessage;
    }

    public ErrorCode error() {
        return error;
    }

    /** The message as the Query protocol renders it. */
    public String queryMessage() {
        return queryMessage != null ? queryMessage : getMessage();
    }
}
