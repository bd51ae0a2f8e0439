package io.mailroom.server;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.core.status.ErrorStatus;
import ch.qos.logback.core.status.InfoStatus;
import ch.qos.logback.core.status.WarnStatus;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class LogbackWarningsTest {
    private final ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    private final LogbackWarnings warnings = new LogbackWarnings(new PrintStream(bytes, true, StandardCharsets.UTF_8));

    @Test
    void warningsAndErrorsArePrintedOneLineEachAndInformationIsNot() {
        warnings.addStatusEvent(new InfoStatus("configured", this));
        warnings.addStatusEvent(new WarnStatus("appender console has no encoder", this));
        warnings.addStatusEvent(new ErrorStatus("cannot open file", this, new IllegalStateException("disk full")));

        String printed = bytes.toString(StandardCharsets.UTF_8);
        assertThat(printed).doesNotContain("configured")
                .contains("logback WARN: appender console has no encoder" + System.lineSeparator())
                .contains("logback ERROR: cannot open file" + System.lineSeparator())
                .contains("java.lang.IllegalStateException: disk full");
    }

    @Test
    void anInformationWithAnErrorInsideCountsAsAnError() {
        InfoStatus parent = new InfoStatus("configuring", this);
        parent.add(new ErrorStatus("bad pattern", this));

        warnings.addStatusEvent(parent);

        assertThat(bytes.toString(StandardCharsets.UTF_8)).startsWith("logback ERROR: configuring");
    }
}
