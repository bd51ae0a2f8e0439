package io.mailroom.core.service;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileSystemException;
import org.junit.jupiter.api.Test;

class FileProblemsTest {

    @Test
    void aDeniedAccessSaysSoRatherThanOnlyNamingThePath() {
        assertThat(FileProblems.describe(new AccessDeniedException("/data/sqs/state.json")))
                .isEqualTo("/data/sqs/state.json: permission denied");
    }

    @Test
    void otherFailuresKeepTheirReason() {
        assertThat(FileProblems.describe(new FileSystemException("/data/x", null, "Is a directory")))
                .isEqualTo("/data/x: Is a directory");
        assertThat(FileProblems.describe(new IOException("No space left on device")))
                .isEqualTo("No space left on device");
    }

    @Test
    void jacksonsRedactedSourceIsLeftOut() {
        assertThat(FileProblems.withoutParserSource("Unexpected end-of-input: expected close marker for Array (start"
                + " marker at [Source: REDACTED (`StreamReadFeature.INCLUDE_SOURCE_IN_LOCATION` disabled); line: 1,"
                + " column: 25])")).isEqualTo(
                "Unexpected end-of-input: expected close marker for Array (start marker at [line: 1, column: 25])");
    }

    @Test
    void accessFailuresAreFoundAmongTheCauses() {
        Exception wrapped = new IllegalStateException(new UncheckedIOException(new AccessDeniedException("/d")));
        assertThat(FileProblems.isAccess(wrapped)).isTrue();
        assertThat(FileProblems.isAccess(new IllegalArgumentException("unsupported format 7"))).isFalse();
    }
}
