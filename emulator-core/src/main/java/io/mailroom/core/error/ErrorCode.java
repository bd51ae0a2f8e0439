package io.mailroom.core.error;

/**
 * One AWS error as clients see it.
 *
 * @param type   the error shape name, rendered as JSON {@code __type} (after the service's namespace)
 * @param code   the Query protocol code ({@code <Code>} and the {@code x-amzn-query-error} header);
 *               equal to {@code type} for most services, different for SQS's legacy codes
 * @param status HTTP status
 * @param fault  sender or receiver
 */
public record ErrorCode(String type, String code, int status, Fault fault) {

    public static ErrorCode sender(String code, int status) {
        return new ErrorCode(code, code, status, Fault.SENDER);
    }

    public AwsException exception(String message) {
        return new AwsException(this, message);
    }

    public AwsException exception(String format, Object... args) {
        return new AwsException(this, String.format(format, args));
    }
}
