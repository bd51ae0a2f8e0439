package io.mailroom.server;

import ch.qos.logback.core.status.Status;
import ch.qos.logback.core.status.StatusListener;
import java.io.PrintStream;

/**
 * Logback's own warnings and errors (an appender that cannot write, say), one line each on standard error.
 * Without a listener Logback would print them through its {@code StatusPrinter} once configured, and
 * loading that class alone costs 20–30 ms of start-up: its date formatter reads the time-zone database and
 * loads java.time's formatting.
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
