package io.mailroom.server;

import ch.qos.logback.core.status.Status;
import ch.qos.logback.core.status.StatusListener;
import java.io.PrintStream;

/**
 * Logback's own warnings and errors (an appender that cannot write, say), one line each on standard error.
 * Logback keeps them as statuses; its auto-configuration, which {@link ServerLogging} bypasses, would print
 * them with its {@code StatusPrinter}, a class whose date formatter alone costs 20–30 ms of start-up (it
 * reads the time-zone database and loads java.time's formatting).
 */
final class LogbackWarnings implements StatusListener {
    private final PrintStream out;

    LogbackWarnings(PrintStream out) {
        this.out = out;
    }

    @Override
    public void addStatusEvent(Status status) {
        if (status.getEffectiveLevel() < Status.WARN) {
            return;
        }
        out.println("logback " + (status.getEffectiveLevel() == Status.ERROR ? "ERROR" : "WARN") + ": "
                + status.getMessage());
        if (status.getThrowable() != null) {
            status.getThrowable().printStackTrace(out);
        }
    }

    @Override
    public boolean isResetResistant() {
        return true;
    }
}
