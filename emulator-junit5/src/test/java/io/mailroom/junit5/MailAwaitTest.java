package io.mailroom.junit5;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.opentest4j.AssertionFailedError;
import software.amazon.awssdk.services.sesv2.SesV2Client;

/** Waiting for mail SES accepted: what it returns, that it waits, and what it says when it gives up. */
class MailAwaitTest {
    @RegisterExtension
    static final MailroomExtension MAILROOM = MailroomExtension.perClass().resetBeforeEachTest();

    private SesV2Client ses;
    private Await await;

    @BeforeEach
    void verifySender(SesV2Client ses, Await await) {
        this.ses = ses;
        // Failing waits in this class are expected; short timeouts keep them quick.
        this.await = await.within(Duration.ofMillis(100));
        ses.createEmailIdentity(b -> b.emailIdentity("shop.example.com"));
    }

    private String send(String to, String cc, String subject, String text, String html) {
        return ses.sendEmail(b -> b.fromEmailAddress("Shop <orders@shop.example.com>")
                .destination(d -> d.toAddresses(to).ccAddresses(cc == null ? new String[0] : new String[] {cc}))
                .content(c -> c.simple(m -> m.subject(s -> s.data(subject)).body(body -> {
                    if (text != null) {
                        body.text(t -> t.data(text));
                    }
                    if (html != null) {
                        body.html(h -> h.data(html));
                    }
                })))).messageId();
    }

    @Test
    void returnsTheFirstMatchingMailWithItsParts() {
        send("bob@example.org", null, "Your order 41", "Order 41 shipped.", null);
        String id = send("Ada <ada@example.org>", "audit@example.org", "Your order 42", "Order 42 shipped.",
                "<p>Order <b>42</b> shipped.</p>");

        SentMail mail = await.mail(m -> m.subject().endsWith("42"));

        assertThat(mail.messageId()).isEqualTo(id);
        assertThat(mail.source()).isEqualTo("Shop <orders@shop.example.com>");
        assertThat(mail.to()).containsExactly("Ada <ada@example.org>");
        assertThat(mail.cc()).containsExactly("audit@example.org");
        assertThat(mail.subject()).isEqualTo("Your order 42");
        assertThat(mail.text()).isEqualTo("Order 42 shipped.");
        assertThat(mail.html()).isEqualTo("<p>Order <b>42</b> shipped.</p>");
        String raw = new String(mail.raw(), StandardCharsets.UTF_8);
        assertThat(raw).contains("Subject: Your order 42").contains("To: Ada <ada@example.org>");
    }

    @Test
    void findsMailByRecipientIgnoringDisplayNameAndCase() {
        String toAda = send("Ada <Ada@Example.org>", null, "hello", "hi", null);
        String ccAudit = send("carl@example.org", "audit@example.org", "copy", "hi", null);

        assertThat(await.mailTo("ada@example.org").messageId()).isEqualTo(toAda);
        assertThat(await.mailTo("AUDIT@example.org").messageId()).isEqualTo(ccAudit);
        assertThat(await.mail("the copy", m -> m.subject().equals("copy")).messageId()).isEqualTo(ccAudit);
    }

    @Test
    void waitsForMailSentLater() {
        Await patient = await.within(Duration.ofSeconds(10));
        CompletableFuture<String> sent = CompletableFuture.supplyAsync(
                () -> send("late@example.org", null, "late", "hi", null),
                CompletableFuture.delayedExecutor(50, TimeUnit.MILLISECONDS));

        SentMail mail = patient.mailTo("late@example.org");

        assertThat(mail.messageId()).isEqualTo(sent.join());
    }

    @Test
    void failsListingTheMailThatWasSent() {
        String first = send("bob@example.org", null, "Your order 41", "t", null);
        String second = send("carl@example.org", "audit@example.org", "Two\nlines", "t", null);

        AssertionFailedError failure = catchThrowableOfType(AssertionFailedError.class,
                () -> await.mailTo("ada@example.org"));

        assertThat(failure).hasMessage("No mail matching sent to ada@example.org within 100 ms. Sent mail held 2 messages:\n"
                + "  1. from \"Shop <orders@shop.example.com>\" to [bob@example.org] subject \"Your order 41\" (id "
                + first + ")\n"
                + "  2. from \"Shop <orders@shop.example.com>\" to [carl@example.org] cc [audit@example.org] subject "
                + "\"Two\\nlines\" (id " + second + ")");
    }

    @Test
    void failsWhenNoMailWasSent() {
        AssertionFailedError failure = catchThrowableOfType(AssertionFailedError.class,
                () -> await.mail(m -> true));

        assertThat(failure).hasMessage("No mail matching the given predicate within 100 ms. No mail was sent.");
    }

    @Test
    void failsSayingTheServerCouldNotBeRead() throws IOException {
        int closedPort;
        try (ServerSocket socket = new ServerSocket(0)) {
            closedPort = socket.getLocalPort();
        }
        AssertionFailedError failure = catchThrowableOfType(AssertionFailedError.class,
                () -> Await.on(URI.create("http://127.0.0.1:" + closedPort)).within(Duration.ZERO)
                        .mailTo("ada@example.org"));

        assertThat(failure.getMessage()).startsWith("No mail matching sent to ada@example.org within 0 ms. "
                + "The sent mail could not be read: no answer from http://127.0.0.1:");
    }

    @Test
    void worksAgainstAnEndpoint(URI endpoint) {
        String id = send("remote@example.org", null, "remote", "hi", null);

        assertThat(Await.on(endpoint).mailTo("remote@example.org").messageId()).isEqualTo(id);
    }
}
