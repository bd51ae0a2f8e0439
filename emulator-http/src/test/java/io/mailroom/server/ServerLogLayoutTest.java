package io.mailroom.server;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.spi.LoggingEvent;
import java.time.LocalDateTime;
import java.time.ZoneId;
import org.junit.jupiter.api.Test;

class ServerLogLayoutTest {

    @Test
    void writesTimeLevelSimpleLoggerNameAndMessage() {
        LoggingEvent event = event(Level.INFO, "Mailroom {} ready", null, "dev");
        event.setTimeStamp(LocalDateTime.of(2026, 11, 21, 9, 5, 7, 42_000_000)
                .atZone(ZoneId.systemDefault()).toInstant().toEpochMilli());

        assertThat(new ServerLogLayout().doLayout(event))
                .isEqualTo("09:05:07.042 INFO  Dispatcher Mailroom dev ready" + System.lineSeparator());
    }

    @Test
    void padsTheLevelToFiveAndAppendsTheStackTrace() {
        LoggingEvent event = event(Level.ERROR, "failed", new IllegalStateException("boom"));

        String line = new ServerLogLayout().doLayout(event);

        assertThat(line).matches("(?s)\\d\\d:\\d\\d:\\d\\d\\.\\d{3} ERROR Dispatcher failed\\R"
                + "java.lang.IllegalStateException: boom\\R\\s+at .*");
    }

    private static LoggingEvent event(Level level, String message, Throwable thrown, Object... args) {
        LoggerContext context = new LoggerContext();
        return new LoggingEvent("fqcn", context.getLogger("io.mailroom.http.dispatch.Dispatcher"), level, message,
                thrown, args);
    }
}
