package io.mailroom.server;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/** docs/configuration.md lists every option of the server, with its environment variable. */
class ConfigurationDocTest {

    @Test
    void everyOptionAndEnvironmentVariableIsDocumented() throws IOException {
        String doc = Files.readString(Path.of("..", "docs", "configuration.md"));
        for (CommandLineFlags.Flag flag : CommandLineFlags.FLAGS) {
            assertThat(doc).as("docs/configuration.md documents --%s", flag.name()).contains(flag.name());
            assertThat(doc).as("docs/configuration.md documents %s", flag.env()).contains(flag.env());
        }
    }
}
