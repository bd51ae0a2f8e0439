package io.mailroom.server;

import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.classic.spi.IThrowableProxy;
import ch.qos.logback.classic.spi.ThrowableProxyUtil;
import ch.qos.logback.core.CoreConstants;
import ch.qos.logback.core.LayoutBase;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;

/**
 * The runnable server's log line, {@code 12:00:00.000 INFO  Logger message}, written directly: Logback's
 * PatternLayout would load its pattern parser and every converter at start-up to produce the same line.
 */
final class ServerLogLayout extends LayoutBase<ILoggingEvent> {
    // Looked up with the first line, not at start-up: reading the time-zone database costs 15–20 ms of a
    // start that is bound by CPU, and the server usually logs nothing until much later.
    private ZoneId zone;

    @Override
    public String doLayout(ILoggingEvent event) {
        if (zone == null) {
            zone = ZoneId.systemDefault();
        }
        StringBuilder line = new StringBuilder(128);
        LocalTime time = LocalTime.ofInstant(Instant.ofEpochMilli(event.getTimeStamp()), zone);
        two(line, time.getHour()).append(':');
        two(line, time.getMinute()).append(':');
        two(line, time.getSecond()).append('.');
        int millis = time.getNano() / 1_000_000;
        line.append(millis < 100 ? (millis < 10 ? "00" : "0") : "").append(millis).append(' ');
        String level = event.getLevel().toString();
        line.append(level).append(" ".repeat(Math.max(1, 6 - level.length())));
        String logger = event.getLoggerName();
        line.append(logger, logger.lastIndexOf('.') + 1, logger.length()).append(' ');
        line.append(event.getFormattedMessage()).append(CoreConstants.LINE_SEPARATOR);
        IThrowableProxy thrown = event.getThrowableProxy();
        if (thrown != null) {
            line.append(ThrowableProxyUtil.asString(thrown)).append(CoreConstants.LINE_SEPARATOR);
        }
        return line.toString();
    }

    private static StringBuilder two(StringBuilder line, int value) {
        return line.append(value < 10 ? "0" : "").append(value);
    }
}
