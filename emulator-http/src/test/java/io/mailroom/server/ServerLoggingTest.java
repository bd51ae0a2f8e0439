package io.mailroom.server;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.core.ConsoleAppender;
import org.junit.jupiter.api.Test;

class ServerLoggingTest {
    @Test
    void theProviderHandsOutLogbackLoggersWritingOneConsoleAppenderAtInfo() {
        ServerLogging provider = new ServerLogging();
        provider.initialize();

        LoggerContext context = (LoggerContext) provider.getLoggerFactory();
        Logger root = context.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
        assertThat(root.getLevel()).isEqualTo(Level.INFO);
        assertThat(root.getAppender("console")).isInstanceOf(ConsoleAppender.class);
        assertThat(root.getAppender("console").isStarted()).isTrue();
        assertThat(context.getLogger("io.netty.channel").getEffectiveLevel()).isEqualTo(Level.WARN);
        assertThat(context.getLogger("io.mailroom.sqs").getEffectiveLevel()).isEqualTo(Level.INFO);
        assertThat(context.getStatusManager().getCopyOfStatusListenerList()).hasAtLeastOneElementOfType(LogbackWarnings.class);
        assertThat(provider.getMDCAdapter()).isNotNull();
        assertThat(provider.getMarkerFactory().getMarker("m").getName()).isEqualTo("m");
        assertThat(provider.getRequestedApiVersion()).startsWith("2.0");
        context.stop();
    }
}
