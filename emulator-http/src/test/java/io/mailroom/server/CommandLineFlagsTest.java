package io.mailroom.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.mailroom.server.CommandLineFlags.Run;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.util.Map;
import org.apache.commons.cli.ParseException;
import org.junit.jupiter.api.Test;

class CommandLineFlagsTest {

    @Test
    void defaultsWithoutFlagsOrEnvironment() throws ParseException {
        ServerConfig config = Main.config(run(Map.of()));

        assertThat(config.host()).isEqualTo("127.0.0.1");
        assertThat(config.port()).isEqualTo(4566);
        assertThat(config.region()).isEqualTo("us-east-1");
        assertThat(config.accountId()).isEqualTo("000000000000");
        assertThat(config.dataDir()).isNull();
        assertThat(config.logLevel()).isEqualTo("INFO");
        assertThat(config.smtp().port()).isEqualTo(2525);
        assertThat(config.smtp().acceptAnyCredentials()).isTrue();
        assertThat(config.ses().autoVerify()).isFalse();
        assertThat(config.maxBodyBytes()).isEqualTo(64 * 1024 * 1024);
    }

    @Test
    void aFlagWinsOverItsVariableAndTheVariableOverTheDefault() throws ParseException {
        Map<String, String> env = Map.of("MAILROOM_PORT", "5000", "MAILROOM_REGION", "eu-west-1",
                "MAILROOM_DATA_DIR", "/var/lib/mailroom");

        ServerConfig config = Main.config(run(env, "--port", "6000"));

        assertThat(config.port()).isEqualTo(6000);
        assertThat(config.region()).isEqualTo("eu-west-1");
        assertThat(config.dataDir()).isEqualTo(Path.of("/var/lib/mailroom"));
        assertThat(Main.config(run(Map.of("MAILROOM_MAX_BODY_MIB", "100"))).maxBodyBytes()).isEqualTo(100 << 20);
        assertThat(Main.config(run(Map.of(), "--max-body-mib", "2047")).maxBodyBytes()).isEqualTo(2047 << 20);
    }

    @Test
    void valuesWithEqualsSignsAndBooleanSwitches() throws ParseException {
        ServerConfig config = Main.config(run(Map.of("MAILROOM_SMTP_ACCEPT_ANY", "true"),
                "--account-id=123456789012", "--ses-auto-verify", "--no-smtp-accept-any-credentials",
                "--log-level", "debug"));

        assertThat(config.accountId()).isEqualTo("123456789012");
        assertThat(config.ses().autoVerify()).isTrue();
        assertThat(config.smtp().acceptAnyCredentials()).isFalse();
        assertThat(config.logLevel()).isEqualTo("DEBUG");
        assertThat(Main.config(run(Map.of(), "--ses-auto-verify=false")).ses().autoVerify()).isFalse();
        assertThat(Main.config(run(Map.of("MAILROOM_SES_AUTO_VERIFY", "TRUE"))).ses().autoVerify()).isTrue();
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> Main.config(run(Map.of("MAILROOM_SMTP_ACCEPT_ANY", "1"))))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("--smtp-accept-any-credentials takes true or false, not '1'");
        assertThat(Main.config(run(Map.of("MAILROOM_SES_AUTO_VERIFY", "true"))).ses().autoVerify()).isTrue();
    }

    @Test
    void helpAndVersion() throws ParseException {
        assertThat(CommandLineFlags.parse(new String[] {"--help"}, Map.of())).isInstanceOf(CommandLineFlags.Help.class);
        assertThat(CommandLineFlags.parse(new String[] {"-V"}, Map.of())).isInstanceOf(CommandLineFlags.Version.class);
        StringWriter help = new StringWriter();
        CommandLineFlags.printHelp(new PrintWriter(help));
        for (CommandLineFlags.Flag flag : CommandLineFlags.FLAGS) {
            assertThat(help.toString()).contains("--" + flag.name()).contains(flag.env());
        }
        assertThat(help.toString()).contains("--no-smtp-accept-any-credentials");
    }

    @Test
    void wrongInputIsRefusedWithAMessageNamingIt() {
        assertThatThrownBy(() -> CommandLineFlags.parse(new String[] {"--prot", "1"}, Map.of()))
                .isInstanceOf(ParseException.class).hasMessageContaining("--prot");
        assertThatThrownBy(() -> CommandLineFlags.parse(new String[] {"--port"}, Map.of()))
                .isInstanceOf(ParseException.class).hasMessageContaining("port");
        assertThatThrownBy(() -> CommandLineFlags.parse(new String[] {"stray"}, Map.of()))
                .isInstanceOf(ParseException.class).hasMessageContaining("stray");
        assertThatThrownBy(() -> CommandLineFlags.parse(new String[] {"--ses-auto-verify=maybe"}, Map.of()))
                .isInstanceOf(ParseException.class).hasMessageContaining("maybe");
        assertThatThrownBy(() -> CommandLineFlags.parse(
                new String[] {"--smtp-accept-any-credentials", "--no-smtp-accept-any-credentials"}, Map.of()))
                .isInstanceOf(ParseException.class);
        assertThatThrownBy(() -> Main.config(run(Map.of(), "--port", "x")))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("--port takes a number");
        assertThatThrownBy(() -> Main.config(run(Map.of("MAILROOM_LOG_LEVEL", "LOUD"))))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("LOUD");
        assertThatThrownBy(() -> Main.config(run(Map.of(), "--max-body-mib", "0")))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("--max-body-mib takes 1 to 2047");
        assertThatThrownBy(() -> Main.config(run(Map.of(), "--max-body-mib", "2048")))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("not 2048");
    }

    private static Run run(Map<String, String> env, String... args) throws ParseException {
        return (Run) CommandLineFlags.parse(args, env);
    }
}
