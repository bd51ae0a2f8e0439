package io.mailroom.smtp;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Every reply path over raw sockets, and bad input that must not take the server down. */
class SmtpProtocolTest {
    private static final String USER = "AKIAIOSFODNN7EXAMPLE";
    private static SmtpTestServer server;

    @BeforeAll
    static void start() {
        server = new SmtpTestServer(SmtpSettings.defaults().withMaxRecipients(3).withMaxMessageBytes(2000)
                .withIdleTimeout(Duration.ofSeconds(10)));
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    @AfterEach
    void clear() throws IOException {
        server.backend.submissions.clear();
        server.backend.inbound.clear();
        server.backend.failure = null;
        server.backend.inboundRejectsAll = false;
        assertStillServing();
    }

    /** After whatever a test did, a fresh client is still greeted and served. */
    private static void assertStillServing() throws IOException {
        try (RawSmtpClient client = RawSmtpClient.greeted(server.port())) {
            client.command("NOOP");
            client.expect(250);
        }
    }

    private static RawSmtpClient authenticated() throws IOException {
        return RawSmtpClient.authenticated(server.port(), USER, "secret");
    }

    @Test
    void greetingAndEhloAdvertiseTheExtensions() throws IOException {
        try (RawSmtpClient client = new RawSmtpClient(server.port())) {
            assertThat(client.expect(220)).contains("ESMTP");
            client.command("EHLO client.test");
            assertThat(client.expect(250).split("\n")).contains(
                    "250-8BITMIME", "250-SMTPUTF8", "250-PIPELINING", "250-SIZE 2000", "250-STARTTLS",
                    "250-AUTH PLAIN LOGIN", "250 Ok");
            client.command("HELO client.test");
            assertThat(client.expect(250)).doesNotContain("\n");
            client.command("QUIT");
            client.expect(221);
            assertThat(client.closedByServer()).isTrue();
        }
    }

    @Test
    void submissionWithAuthPlainAndDotUnstuffing() throws IOException {
        try (RawSmtpClient client = authenticated()) {
            client.command("MAIL FROM:<sender@example.com> SIZE=100 BODY=8BITMIME");
            client.expect(250);
            client.command("RCPT TO:<a@example.com>");
            client.expect(250);
            client.command("RCPT TO: b@example.com");
            client.expect(250);
            client.command("DATA");
            client.expect(354);
            client.send("Subject: hi\r\n\r\n..leading dot\r\n.\r\n");
            assertThat(client.expect(250)).isEqualTo("250 Ok 0100-fake-1");
        }
        FakeBackend.Submission sent = server.backend.submissions.get(0);
        assertThat(sent.accountId()).isEqualTo(SmtpTestServer.ACCOUNT);
        assertThat(sent.region()).isEqualTo(SmtpTestServer.REGION);
        assertThat(sent.mailFrom()).isEqualTo("sender@example.com");
        assertThat(sent.recipients()).containsExactly("a@example.com", "b@example.com");
        assertThat(new String(sent.raw(), StandardCharsets.UTF_8)).isEqualTo("Subject: hi\r\n\r\n.leading dot\r\n");
    }

    @Test
    void authLoginAndTwelveDigitUserSelectsAccount() throws IOException {
        try (RawSmtpClient client = RawSmtpClient.greeted(server.port())) {
            client.command("AUTH LOGIN");
            assertThat(client.expect(334)).isEqualTo("334 VXNlcm5hbWU6");
            client.command(RawSmtpClient.base64("123456789012"));
            assertThat(client.expect(334)).isEqualTo("334 UGFzc3dvcmQ6");
            client.command(RawSmtpClient.base64("pw"));
            client.expect(235);
            client.command("AUTH PLAIN " + RawSmtpClient.plain("x", "y"));
            client.expect(503); // already authenticated
            sendSimple(client);
            client.expect(250);
        }
        assertThat(server.backend.submissions.get(0).accountId()).isEqualTo("123456789012");
    }

    private static void sendSimple(RawSmtpClient client) throws IOException {
        // Pipelined, as PIPELINING allows: the replies come back in order.
        client.send("MAIL FROM:<s@example.com>\r\nRCPT TO:<r@example.com>\r\nDATA\r\n");
        client.expect(250);
        client.expect(250);
        client.expect(354);
        client.send("Subject: x\r\n\r\nbody\r\n.\r\n");
    }

    @Test
    void authVariants() throws IOException {
        try (RawSmtpClient client = new RawSmtpClient(server.port())) {
            client.expect(220);
            client.command("AUTH PLAIN " + RawSmtpClient.plain("u", "p"));
            client.expect(503); // before EHLO
            client.command("EHLO c");
            client.expect(250);
            client.command("AUTH CRAM-MD5");
            assertThat(client.expect(504)).isEqualTo("504 Unrecognized authentication type.");
            client.command("AUTH");
            client.expect(501);
            client.command("AUTH PLAIN");
            assertThat(client.expect(334)).isEqualTo("334 ");
            client.command("*");
            client.expect(501); // cancelled
            client.command("AUTH PLAIN !!notbase64!!");
            client.expect(501);
            client.command("AUTH PLAIN " + RawSmtpClient.base64("no-nul-separators"));
            client.expect(535);
            client.command("AUTH LOGIN " + RawSmtpClient.base64("user"));
            client.expect(334); // initial response was the user name; now the password
            client.command(RawSmtpClient.base64("pw"));
            client.expect(235);
        }
    }

    @Test
    void strictCredentialsTakeOnlyTheDerivedPassword() throws IOException {
        try (SmtpTestServer strict = new SmtpTestServer(SmtpSettings.defaults().withAcceptAnyCredentials(false)
                .withSecret("wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY"));
             RawSmtpClient client = RawSmtpClient.greeted(strict.port())) {
            client.command("AUTH PLAIN " + RawSmtpClient.plain(USER, "wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY"));
            assertThat(client.expect(535)).isEqualTo("535 Authentication Credentials Invalid");
            client.command("AUTH PLAIN " + RawSmtpClient.plain(USER, "BLBM/9hSUELfq8Gw+rU1YcBjkOxGbhT2XG763xVLGWL9"));
            client.expect(235);
        }
    }

    @Test
    void commandOrderErrors() throws IOException {
        try (RawSmtpClient client = new RawSmtpClient(server.port())) {
            client.expect(220);
            client.command("MAIL FROM:<a@example.com>");
            client.expect(503); // no EHLO
            client.command("EHLO c");
            client.expect(250);
            client.command("RCPT TO:<a@example.com>");
            client.expect(503); // no MAIL
            client.command("DATA");
            client.expect(503);
            client.command("MAIL FROM:<a@example.com>");
            client.expect(250);
            client.command("MAIL FROM:<a@example.com>");
            client.expect(503); // nested
            client.command("AUTH PLAIN " + RawSmtpClient.plain("u", "p"));
            client.expect(503); // inside a transaction
            client.command("DATA");
            client.expect(554); // no recipients
            client.command("RSET");
            client.expect(250);
            client.command("RCPT TO:<a@example.com>");
            client.expect(503); // RSET ended the transaction
        }
    }

    @Test
    void unauthenticatedMailIsOnlyForReceiptRules() throws IOException {
        try (RawSmtpClient client = RawSmtpClient.greeted(server.port())) {
            client.command("MAIL FROM:<>");
            client.expect(250); // the null sender of a bounce is fine from the internet
            client.command("RCPT TO:<someone@example.com>");
            assertThat(client.expect(530)).isEqualTo("530 Authentication required");
            client.command("RCPT TO:<team@inbound.test>");
            client.expect(250);
            client.command("DATA");
            client.expect(354);
            client.send("Subject: in\r\n\r\nhello\r\n.\r\n");
            assertThat(client.expect(250)).isEqualTo("250 Ok in-1");
        }
        FakeBackend.Inbound in = server.backend.inbound.get(0);
        assertThat(in.mailFrom()).isEmpty();
        assertThat(in.recipients()).containsExactly("team@inbound.test");
        assertThat(in.remoteIp()).isEqualTo("127.0.0.1");
        assertThat(in.tls()).isFalse();
        assertThat(server.backend.submissions).isEmpty();
    }

    @Test
    void inboundMessageNoRuleTook() throws IOException {
        server.backend.inboundRejectsAll = true;
        try (RawSmtpClient client = RawSmtpClient.greeted(server.port())) {
            client.send("MAIL FROM:<x@example.org>\r\nRCPT TO:<team@inbound.test>\r\nDATA\r\n");
            client.expect(250);
            client.expect(250);
            client.expect(354);
            client.send("Subject: in\r\n\r\nhello\r\n.\r\n");
            client.expect(550);
        }
    }

    @Test
    void submissionFailuresAnswerAsSes() throws IOException {
        try (RawSmtpClient client = authenticated()) {
            server.backend.failure = FakeBackend.rejected(
                    "Email address is not verified. The following identities failed the check in region US-EAST-1: s@example.com");
            sendSimple(client);
            assertThat(client.expect(554)).isEqualTo("554 Message rejected: Email address is not verified. "
                    + "The following identities failed the check in region US-EAST-1: s@example.com");
            server.backend.failure = io.mailroom.core.error.ErrorCode.sender("InvalidParameterValue", 400)
                    .exception("Duplicate header 'Subject'.");
            sendSimple(client);
            assertThat(client.expect(554)).isEqualTo("554 Transaction failed: Duplicate header 'Subject'.");
            server.backend.failure = io.mailroom.core.error.ErrorCode.sender("Throttling", 400)
                    .exception("Maximum sending rate exceeded.");
            sendSimple(client);
            assertThat(client.expect(454)).isEqualTo("454 Throttling failure: Maximum sending rate exceeded.");
            // The transaction is over after a failure; a new one works.
            server.backend.failure = null;
            sendSimple(client);
            client.expect(250);
        }
    }

    @Test
    void mailParameters() throws IOException {
        try (RawSmtpClient client = authenticated()) {
            client.command("MAIL FROM:<s@example.com> SIZE=2001");
            assertThat(client.expect(552)).isEqualTo("552 Message size exceeds fixed maximum message size");
            client.command("MAIL FROM:<s@example.com> SIZE=big");
            client.expect(501);
            client.command("MAIL FROM:<s@example.com> BODY=BINARYMIME");
            client.expect(504);
            client.command("MAIL FROM:<s@example.com> RET=FULL");
            client.expect(555);
            client.command("MAIL FROM:<>");
            client.expect(501); // a submission needs a sender
            client.command("MAIL FROM:<not-an-address>");
            assertThat(client.expect(501)).isEqualTo("501 Invalid MAIL FROM address provided");
            client.command("MAIL FROM:<jörg@example.com>");
            client.expect(553); // non-ASCII without SMTPUTF8
            client.command("MAIL FROM:<jörg@example.com> SMTPUTF8 BODY=8BITMIME");
            client.expect(250);
            client.command("RCPT TO:<münchen@example.com>");
            client.expect(250);
            client.command("RCPT TO:<r@example.com> NOTIFY=NEVER");
            client.expect(555);
            client.command("RCPT TO:<bad address@example.com>");
            assertThat(client.expect(501)).isEqualTo("501 Invalid RCPT TO address provided");
            client.command("RCPT TO:<postmaster>");
            client.expect(250);
            client.command("DATA");
            client.expect(354);
            client.send("Subject: Grüße\r\n\r\n8bit body ü\r\n.\r\n");
            client.expect(250);
        }
        assertThat(server.backend.submissions.get(0).mailFrom()).isEqualTo("jörg@example.com");
        assertThat(new String(server.backend.submissions.get(0).raw(), StandardCharsets.UTF_8))
                .contains("Grüße", "ü");
    }

    @Test
    void recipientLimit() throws IOException {
        try (RawSmtpClient client = authenticated()) {
            client.command("MAIL FROM:<s@example.com>");
            client.expect(250);
            for (int i = 0; i < 3; i++) {
                client.command("RCPT TO:<r" + i + "@example.com>");
                client.expect(250);
            }
            client.command("RCPT TO:<r4@example.com>");
            assertThat(client.expect(452)).isEqualTo("452 Too many recipients");
            client.command("DATA");
            client.expect(354);
            client.send("Subject: x\r\n\r\nb\r\n.\r\n");
            client.expect(250);
        }
        assertThat(server.backend.submissions.get(0).recipients()).hasSize(3);
    }

    @Test
    void oversizedMessageIsReadToItsEndThenRefused() throws IOException {
        try (RawSmtpClient client = authenticated()) {
            client.send("MAIL FROM:<s@example.com>\r\nRCPT TO:<r@example.com>\r\nDATA\r\n");
            client.expect(250);
            client.expect(250);
            client.expect(354);
            client.send(("x".repeat(900) + "\r\n").repeat(5) + ".\r\n");
            client.expect(552);
            sendSimple(client);
            client.expect(250);
        }
        assertThat(server.backend.submissions).hasSize(1);
    }

    @Test
    void overlongTextLineInData() throws IOException {
        try (RawSmtpClient client = authenticated()) {
            client.send("MAIL FROM:<s@example.com>\r\nRCPT TO:<r@example.com>\r\nDATA\r\n");
            client.expect(250);
            client.expect(250);
            client.expect(354);
            client.send("x".repeat(1500) + "\r\n.\r\n");
            assertThat(client.expect(500)).startsWith("500 Line too long.");
        }
        assertThat(server.backend.submissions).isEmpty();
    }

    @Test
    void bareLineFeeds() throws IOException {
        try (RawSmtpClient client = authenticated()) {
            client.send("NOOP\n");
            client.expect(500);
            client.send("MAIL FROM:<s@example.com>\r\nRCPT TO:<r@example.com>\r\nDATA\r\n");
            client.expect(250);
            client.expect(250);
            client.expect(354);
            // A smuggling attempt: <LF>.<LF> followed by a second transaction inside the first message.
            client.send("Subject: one\r\n\r\nbody\n.\nMAIL FROM:<evil@example.com>\r\nRCPT TO:<r@example.com>\r\n"
                    + "DATA\r\nSubject: two\r\n\r\n.\r\n");
            assertThat(client.expect(554)).contains("bare <CR> or <LF>");
            client.command("NOOP");
            client.expect(250); // nothing of the smuggled commands ran
        }
        assertThat(server.backend.submissions).isEmpty();
    }

    @Test
    void overlongCommandLines() throws IOException {
        try (RawSmtpClient client = authenticated()) {
            client.command("NOOP " + "x".repeat(600));
            assertThat(client.expect(500)).isEqualTo("500 Line too long.");
            client.command("NOOP " + "x".repeat(20_000)); // past the framing limit: discarded, then answered
            client.expect(500);
            client.command("NOOP");
            client.expect(250);
        }
        // AUTH lines may be longer than 512 octets (RFC 4954 4).
        try (RawSmtpClient client = RawSmtpClient.greeted(server.port())) {
            client.command("AUTH PLAIN " + RawSmtpClient.plain("u", "p".repeat(1000)));
            client.expect(235);
        }
    }

    @Test
    void unknownAndUnimplementedCommands() throws IOException {
        try (RawSmtpClient client = RawSmtpClient.greeted(server.port())) {
            client.command("FROB");
            assertThat(client.expect(500)).isEqualTo("500 Unrecognized command");
            client.command("EXPN list");
            client.expect(502);
            client.command("BDAT 10 LAST");
            client.expect(502);
            client.command("VRFY someone");
            client.expect(252);
            client.command("HELP");
            client.expect(214);
            client.command("EHLO");
            client.expect(501);
            client.command("DATA now");
            client.expect(501);
            client.command("MAIL TO:<a@example.com>");
            client.expect(501);
            client.command("STARTTLS please");
            client.expect(501);
            client.command("noop");
            client.expect(250); // verbs are case-insensitive
        }
    }

    @Test
    void garbageGetsRepliesThenTheConnectionIsClosed() throws IOException {
        try (RawSmtpClient client = new RawSmtpClient(server.port())) {
            client.expect(220);
            byte[] garbage = new byte[64];
            for (int i = 0; i < garbage.length; i++) {
                garbage[i] = (byte) (i * 37 + 1);
            }
            garbage[10] = '\r';
            garbage[11] = '\n';
            client.send(garbage);
            client.send("\r\n");
            client.expect(500);
            client.expect(500);
            for (int i = 0; i < SmtpSession.MAX_CONSECUTIVE_ERRORS - 3; i++) {
                client.command("GET / HTTP/1.1");
                client.expect(500);
            }
            client.command("GET / HTTP/1.1");
            assertThat(client.expect(421)).isEqualTo("421 Too many errors, closing connection");
            assertThat(client.closedByServer()).isTrue();
        }
    }

    @Test
    void tlsClientHelloOnThePlainPortIsJustGarbage() throws IOException {
        try (RawSmtpClient client = new RawSmtpClient(server.port())) {
            client.expect(220);
            client.send(new byte[] {0x16, 0x03, 0x01, 0x02, 0x00, 0x01, 0x00, 0x01, (byte) 0xfc, 0x03, 0x03});
        }
    }

    @Test
    void pipelinedCommandsAfterStartTlsAreDiscarded() throws IOException {
        try (RawSmtpClient client = RawSmtpClient.greeted(server.port())) {
            client.send("STARTTLS\r\nNOOP\r\n");
            assertThat(client.expect(220)).isEqualTo("220 Ready to start TLS");
            // No 250 for the NOOP may follow in the clear: the next bytes are the TLS handshake.
            assertThat(client.closedByServer()).isFalse();
        }
    }

    @Test
    void clientThatNeverFinishesDataIsTimedOut() throws IOException {
        try (SmtpTestServer quick = new SmtpTestServer(SmtpSettings.defaults().withIdleTimeout(Duration.ofMillis(200)));
             RawSmtpClient client = RawSmtpClient.authenticated(quick.port(), "u", "p")) {
            client.send("MAIL FROM:<s@example.com>\r\nRCPT TO:<r@example.com>\r\nDATA\r\n");
            client.expect(250);
            client.expect(250);
            client.expect(354);
            client.send("Subject: never ends\r\n\r\npart");
            long start = System.nanoTime();
            assertThat(client.expect(451)).isEqualTo("451 Timeout waiting for data from client.");
            assertThat(client.closedByServer()).isTrue();
            assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(3));
            assertThat(quick.backend.submissions).isEmpty();
            try (RawSmtpClient next = RawSmtpClient.greeted(quick.port())) {
                next.command("NOOP");
                next.expect(250);
            }
        }
    }
}
