package io.mailroom.server;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.core.Version;
import org.junit.jupiter.api.Test;

class JacksonVersionTest {

    @Test
    void jacksonFrom215OnIsEnough() {
        assertThat(JacksonVersion.problem(new Version(2, 15, 2, null, "com.fasterxml.jackson.core", "jackson-core"))).isNull();
        assertThat(JacksonVersion.problem(new Version(2, 18, 2, null, "com.fasterxml.jackson.core", "jackson-core"))).isNull();
        assertThat(JacksonVersion.problem(new Version(3, 0, 0, null, "tools.jackson.core", "jackson-core"))).isNull();
    }

    @Test
    void anOlderJacksonIsNamedWithWhatToPin() {
        assertThat(JacksonVersion.problem(new Version(2, 14, 3, null, "com.fasterxml.jackson.core", "jackson-databind")))
                .contains("Mailroom needs Jackson 2.15 or later", "com.fasterxml.jackson.core:jackson-databind 2.14.3",
                        "jackson-bom");
    }

    @Test
    void theClasspathsJacksonPasses() {
        org.assertj.core.api.Assertions.assertThatCode(JacksonVersion::require).doesNotThrowAnyException();
    }
}
