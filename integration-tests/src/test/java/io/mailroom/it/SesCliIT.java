package io.mailroom.it;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The README's SES examples through the AWS CLI: {@code aws ses send-email} and {@code aws sesv2 send-email}
 * after verifying the sender, with the mail checked at {@code /_aws/ses}. Skipped when {@code aws} is absent.
 */
class SesCliIT {
    private static final String ACCOUNT = "210000000006";

    private static final AwsCli CLI = AwsCli.asAccount(ACCOUNT);

    @BeforeAll
    static void requireCli() {
        AwsCli.assumeInstalled();
    }

    /** Runs {@code aws --endpoint-url <server> args...} with test credentials; answers its JSON output. */
    private static JsonNode aws(String... args) throws IOException, InterruptedException {
        return CLI.ok(args);
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
