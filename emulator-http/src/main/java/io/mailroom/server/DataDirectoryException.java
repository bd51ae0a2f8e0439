package io.mailroom.server;

/**
 * The data directory cannot be used: it is not a writable directory, another server holds it, or the state
 * saved in it cannot be read. The message is one line naming the directory or file; {@link Main} prints it
 * and exits with its own status, so a script can tell this from a taken port or a wrong flag.
 * <p>
 * An IllegalStateException, as the services' own restore failures were before, for callers that catch that.
 */
public final class DataDirectoryException extends IllegalStateException {

    public DataDirectoryException(String message) {
        super(message);
    }

    public DataDirectoryException(String message, Throwable cause) {
        super(message, cause);
    }
}
