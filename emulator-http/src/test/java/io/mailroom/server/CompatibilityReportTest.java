package io.mailroom.server;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

class CompatibilityReportTest {

    @Test
    void committedMatrixMatchesTheOperationTables() throws IOException {
        Path committed = Path.of("..", "docs", "compatibility.md");
        String expected = CompatibilityReport.render();
        if (Boolean.getBoolean("mailroom.regenerate")) {
            Files.writeString(committed, expected, StandardCharsets.UTF_8);
        }
        assertThat(Files.readString(committed, StandardCharsets.UTF_8))
                .as("docs/compatibility.md is stale: run ./mvnw -pl emulator-http test -Dmailroom.regenerate=true")
                .isEqualTo(expected);
    }

    @Test
    void everyModelOperationOfEveryServiceIsListed() {
        String report = CompatibilityReport.render();
        assertThat(report).contains("| SendMessage | implemented |", "| ReceiveMessage | implemented |");
        assertThat(report.lines().filter(l -> l.startsWith("| ") && !l.startsWith("| Operation")).count())
                .isGreaterThanOrEqualTo(23);
    }
}
