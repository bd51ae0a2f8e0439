package io.mailroom.smtp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import jakarta.activation.DataHandler;
import jakarta.mail.AuthenticationFailedException;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.Transport;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeBodyPart;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeMultipart;
import jakarta.mail.util.ByteArrayDataSource;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.Properties;
import java.util.Random;
import org.eclipse.angus.mail.smtp.SMTPSendFailedException;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

/** A real SMTP client library against the listener: STARTTLS, AUTH, and a message arriving unchanged. */
class SmtpAngusMailTest {
    private static SmtpTestServer server;

    @BeforeAll
    static void start() {
        server = new SmtpTestServer(SmtpSettings.defaults());
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    private static Session session(int port, String mechanism) {
        Properties props = new Properties();
        props.put("mail.smtp.host", "127.0.0.1");
        props.put("mail.smtp.port", Integer.toString(port));
        props.put("mail.smtp.auth", "true");
        props.put("mail.smtp.auth.mechanisms", mechanism);
        props.put("mail.smtp.starttls.enable", "true");
        // Fail rather than fall back to plain text if STARTTLS does not work.
        props.put("mail.smtp.starttls.required", "true");
        props.put("mail.smtp.ssl.trust", "*"); // the generated certificate is self-signed
        props.put("mail.smtp.connectiontimeout", "5000");
        props.put("mail.smtp.timeout", "5000");
        return Session.getInstance(props);
    }

    private static MimeMessage multipartWithAttachment(Session session) throws MessagingException {
        MimeMessage message = new MimeMessage(session);
        message.setFrom(new InternetAddress("sender@example.com"));
        message.setRecipients(Message.RecipientType.TO, "to@example.com");
        message.setRecipients(Message.RecipientType.CC, "cc@example.com");
        message.setSubject("Report with attachments");
        MimeBodyPart text = new MimeBodyPart();
        // CRLF already: a client turns bare LFs into CRLF on the wire (SMTP knows no other line ending), so
        // only a canonical message can arrive byte for byte as writeTo wrote it. The dots test the stuffing.
        text.setText("Hello,\r\n.a line starting with a dot\r\n.\r\nand a lone dot above.\r\n", "UTF-8");
        MimeBodyPart html = new MimeBodyPart();
        html.setContent("<p>Hello</p>", "text/html; charset=UTF-8");
        MimeBodyPart binary = new MimeBodyPart();
        byte[] bytes = new byte[50_000];
        new Random(7).nextBytes(bytes);
        binary.setDataHandler(new DataHandler(new ByteArrayDataSource(bytes, "application/octet-stream")));
        binary.setFileName("data.bin");
        MimeBodyPart csv = new MimeBodyPart();
        csv.setText("a,b\r\n1,2\r\n", "UTF-8");
        csv.setFileName("table.csv");
        MimeMultipart multipart = new MimeMultipart();
        multipart.addBodyPart(text);
        multipart.addBodyPart(html);
        multipart.addBodyPart(binary);
        multipart.addBodyPart(csv);
        message.setContent(multipart);
        message.saveChanges();
        return message;
    }

    @ParameterizedTest
    @ValueSource(strings = {"PLAIN", "LOGIN"})
    void submissionOverStartTlsArrivesByteForByte(String mechanism) throws Exception {
        server.backend.submissions.clear();
        Session session = session(server.port(), mechanism);
        MimeMessage message = multipartWithAttachment(session);
        ByteArrayOutputStream expected = new ByteArrayOutputStream();
        message.writeTo(expected);
        try (Transport transport = session.getTransport("smtp")) {
            transport.connect("AKIAIOSFODNN7EXAMPLE", "any-password");
            // sendMessage, not Transport.send: that would saveChanges again and make a new Message-ID.
            transport.sendMessage(message, message.getAllRecipients());
        }
        assertThat(server.backend.submissions).hasSize(1);
        FakeBackend.Submission sent = server.backend.submissions.get(0);
        assertThat(sent.mailFrom()).isEqualTo("sender@example.com");
        assertThat(sent.recipients()).containsExactly("to@example.com", "cc@example.com");
        assertThat(sent.raw()).isEqualTo(expected.toByteArray());
    }

    @Test
    void sesRejectionReachesTheClientAs554() throws Exception {
        server.backend.failure = FakeBackend.rejected("Email address is not verified.");
        try {
            Session session = session(server.port(), "PLAIN");
            MimeMessage message = multipartWithAttachment(session);
            assertThatThrownBy(() -> {
                try (Transport transport = session.getTransport("smtp")) {
                    transport.connect("user", "password");
                    transport.sendMessage(message, message.getAllRecipients());
                }
            }).isInstanceOfSatisfying(SMTPSendFailedException.class, e -> {
                assertThat(e.getReturnCode()).isEqualTo(554);
                assertThat(e.getMessage()).contains("Message rejected: Email address is not verified.");
            });
        } finally {
            server.backend.failure = null;
        }
    }

    @Test
    void wrongPasswordFailsAuthentication() throws IOException {
        try (SmtpTestServer strict = new SmtpTestServer(SmtpSettings.defaults().withAcceptAnyCredentials(false))) {
            Session session = session(strict.port(), "PLAIN");
            assertThatThrownBy(() -> {
                try (Transport transport = session.getTransport("smtp")) {
                    transport.connect("AKIAIOSFODNN7EXAMPLE", "test");
                }
            }).isInstanceOf(AuthenticationFailedException.class);
            Session login = session(strict.port(), "LOGIN");
            assertThat(connects(login, SmtpCredentials.derivePassword("test", SmtpTestServer.REGION))).isTrue();
        }
    }

    private static boolean connects(Session session, String password) {
        try (Transport transport = session.getTransport("smtp")) {
            transport.connect("AKIAIOSFODNN7EXAMPLE", password);
            return transport.isConnected();
        } catch (MessagingException e) {
            return false;
        }
    }
}
