package io.mailroom.core.error;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The one exception that carries an AWS error to the client. Only the protocol codecs render it.
 * It has no stack trace: it is ordinary control flow for bad input, not a bug.
 */
public final class AwsException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    private final transient ErrorCode error;
    private final String queryMessage;
    private final transient Map<String, String> details;

    public AwsException(ErrorCode error, String message) {
        this(error, message, null);
    }

    /** An error whose message AWS words differently in the Query protocol than in the JSON protocols. */
    public AwsException(ErrorCode error, String message, String queryMessage) {
        this(error, message, queryMessage, Map.of());
    }

    private AwsException(ErrorCode error, String message, String queryMessage, Map<String, String> details) {
        super(message, null, false, false);
        this.error = error;
        this.queryMessage = queryMessage;
        this.details = details;
    }

    public ErrorCode error() {
        return error;
    }

    /** The message as the Query protocol renders it. */
    public String queryMessage() {
        return queryMessage != null ? queryMessage : getMessage();
    }

    /**
     * This error with one more element after its message: S3 names what it refused in elements of its own
     * ({@code <ArgumentName>}, {@code <ArgumentValue>}), which the REST-XML codec writes in this order.
     */
    public AwsException with(String element, String value) {
        Map<String, String> more = new LinkedHashMap<>(details);
        more.put(element, value);
        return new AwsException(error, getMessage(), queryMessage, Collections.unmodifiableMap(more));
    }

    /** The elements added by {@link #with}, in order; empty for most errors. */
    public Map<String, String> details() {
        return details;
    }
}
