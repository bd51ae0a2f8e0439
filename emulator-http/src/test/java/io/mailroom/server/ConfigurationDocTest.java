package io.mailroom.server;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;
import picocli.CommandLine.Model.OptionSpec;

/** docs/configuration.md lists every option of the server, with its environment variable. */
class ConfigurationDocTest {
    private static final Pattern ENV = Pattern.compile("\\$\\{env:(MAILROOM_[A-Z_]+)");

    @Test
    void everyOptionAndEnvironmentVariableIsDocumented() throws IOException {
        String doc = Files.readString(Path.of("..", "docs", "configuration.md"));
        CommandLine cli = new CommandLine(new Main(new Thread(() -> { })));
        for (OptionSpec option : cli.getCommandSpec().options()) {
            if (option.usageHelp() || option.versionHelp()) {
                continue;
            }
            String name = option.longestName().replace("--", "");
            assertThat(doc).as("docs/configuration.md documents --%s", name).contains(name);
            if (option.defaultValue() != null) {
                Matcher env = ENV.matcher(option.defaultValue());
                if (env.find()) {
                    assertThat(doc).as("docs/configuration.md documents %s", env.group(1)).contains(env.group(1));
                }
            }
        }
    }
}
