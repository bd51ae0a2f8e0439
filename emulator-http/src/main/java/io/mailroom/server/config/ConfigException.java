package io.mailroom.server.config;

/**
 * A setup file that cannot be read or applied. The message is complete and meant for the user: it names
 * the file, the line and the field ({@code mailroom.yaml line 12: accounts[0].sqs.queues[1].name: ...}).
 */
public final class ConfigException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public ConfigException(String message) {
        super(message);
    }

    public ConfigException(String message, Throwable cause) {
        super(message, cause);
    }
}
