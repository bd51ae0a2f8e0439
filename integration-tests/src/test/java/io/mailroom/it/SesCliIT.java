package io.mailroom.it;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The README's SES examples through the AWS CLI: {@code aws ses send-email} and {@code aws sesv2 send-email}
 * after verifying the sender, with the mail checked at {@code /_aws/ses}. Skipped when {@code aws} is absent.
 */
class SesCliIT {
    private static final String ACCOUNT = "210000000006";

    @TempDir
    static Path home;

    @BeforeAll
    static void requireCli() {
        boolean present;
        try {
            Process p = new ProcessBuilder("aws", "--version").redirectErrorStream(true).start();
            p.getInputStream().readAllBytes();
            present = p.waitFor(60, TimeUnit.SECONDS) && p.exitValue() == 0;
        } catch (IOException e) {
            present = false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            present = false;
        }
        Assumptions.assumeTrue(present, "the AWS CLI (aws) is not installed");
    }

    /** Runs {@code aws --endpoint-url <server> args...} with test credentials; answers its JSON output. */
    private static JsonNode aws(String... args) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of("aws", "--endpoint-url", TestServer.endpoint().toString(),
                "--output", "json"));
        command.addAll(List.of(args));
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(false);
        Map<String, String> env = builder.environment();
        env.put("AWS_ACCESS_KEY_ID", ACCOUNT);
        env.put("AWS_SECRET_ACCESS_KEY", "test");
        env.remove("AWS_SESSION_TOKEN");
        env.remove("AWS_PROFILE");
        env.put("AWS_DEFAULT_REGION", "us-east-1");
        env.put("AWS_CONFIG_FILE", home.resolve("config").toString());
        env.put("AWS_SHARED_CREDENTIALS_FILE", home.resolve("credentials").toString());
        env.put("AWS_EC2_METADATA_DISABLED", "true");
        env.put("AWS_PAGER", "");
        Process process = builder.start();
        String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        String err = new String(process.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(process.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(process.exitValue()).as("aws %s\n%s", String.join(" ", args), err).isZero();
        return out.isBlank() ? SesClients.JSON.createObjectNode() : SesClients.readJson(out);
    }

    @Test
    void sesSendEmail() throws Exception {
        String from = SesClients.address("cli", "cli.example.com");
        aws("ses", "verify-email-identity", "--email-address", from);
        String id = aws("ses", "send-email", "--from", from,
                "--destination", "ToAddresses=success@simulator.amazonses.com",
                "--message", "Subject={Data=Hello from the CLI},Body={Text={Data=Sent with aws ses send-email}}")
                .get("MessageId").asText();
        JsonNode mail = SesClients.sentMessage(id);
        assertThat(mail.path("Source").asText()).isEqualTo(from);
        assertThat(mail.path("Destination").path("ToAddresses").get(0).asText())
                .isEqualTo("success@simulator.amazonses.com");
        assertThat(mail.path("Subject").asText()).isEqualTo("Hello from the CLI");
        assertThat(mail.path("Body").path("text_part").asText()).isEqualTo("Sent with aws ses send-email");
    }

    @Test
    void sesv2SendEmail() throws Exception {
        String from = SesClients.address("cli2", "cli.example.com");
        JsonNode created = aws("sesv2", "create-email-identity", "--email-identity", from);
        assertThat(created.path("VerifiedForSendingStatus").asBoolean()).isTrue();
        String id = aws("sesv2", "send-email", "--from-email-address", from,
                "--destination", "ToAddresses=success@simulator.amazonses.com",
                "--content", "{\"Simple\":{\"Subject\":{\"Data\":\"Hello from sesv2\"},"
                        + "\"Body\":{\"Text\":{\"Data\":\"text\"},\"Html\":{\"Data\":\"<p>html</p>\"}}}}")
                .get("MessageId").asText();
        JsonNode mail = SesClients.sentMessage(id);
        assertThat(mail.path("Source").asText()).isEqualTo(from);
        assertThat(mail.path("Subject").asText()).isEqualTo("Hello from sesv2");
        assertThat(mail.path("Body").path("html_part").asText()).isEqualTo("<p>html</p>");
        assertThat(SesClients.eml(id).getSubject()).isEqualTo("Hello from sesv2");
    }
}
