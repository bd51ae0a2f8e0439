package io.mailroom.smtp;

import static org.assertj.core.api.Assertions.assertThat;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import io.netty.channel.embedded.EmbeddedChannel;
import io.netty.handler.ssl.SslContext;
import io.netty.handler.ssl.SslContextBuilder;
import io.netty.handler.ssl.SslHandler;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;

/**
 * What the first SMTP connection may have to wait for (SES made on first use, the self-signed certificate) is
 * waited for off the event loop: the session goes on when it is there, and the loop is never held.
 */
class SmtpWaitsOffTheLoopTest {
    private final FakeBackend backend = new FakeBackend();

    @Test
    void aConnectionIsGreetedOnceTheBackendIsReadyAndThenServed() {
        CompletableFuture<Void> ready = new CompletableFuture<>();
        backend.ready = ready;
        EmbeddedChannel channel = channel(new TlsContexts("localhost", new CompletableFuture<>()));

        channel.runPendingTasks();
        assertThat(channel.config().isAutoRead()).isFalse();
        assertThat(replies(channel)).isEmpty();

        ready.complete(null);
        channel.runPendingTasks();
        assertThat(replies(channel)).startsWith("220 localhost ESMTP");
        assertThat(channel.config().isAutoRead()).isTrue();

        channel.writeInbound(line("NOOP"));
        assertThat(replies(channel)).startsWith("250");
        channel.finishAndReleaseAll();
    }

    @Test
    void aConnectionIsGreetedAtOnceWhenTheBackendIsReady() {
        EmbeddedChannel channel = channel(new TlsContexts("localhost", new CompletableFuture<>()));

        assertThat(replies(channel)).startsWith("220 ");
        assertThat(channel.config().isAutoRead()).isTrue();
        channel.finishAndReleaseAll();
    }

    @Test
    void starttlsBeforeTheCertificateIsMadeIsAnsweredOnceItIs() throws Exception {
        CompletableFuture<SslContext> certificate = new CompletableFuture<>();
        EmbeddedChannel channel = channel(new TlsContexts("localhost", certificate));
        replies(channel);

        channel.writeInbound(line("EHLO client.test"));
        replies(channel);
        channel.writeInbound(line("STARTTLS"));
        assertThat(replies(channel)).isEmpty();
        assertThat(channel.pipeline().get(SslHandler.class)).isNull();
        assertThat(channel.config().isAutoRead()).isFalse();

        SelfSignedCertificates.Generated generated = SelfSignedCertificates.generate("localhost");
        certificate.complete(SslContextBuilder.forServer(generated.keys().getPrivate(), generated.certificate())
                .build());
        channel.runPendingTasks();

        assertThat(channel.pipeline().first()).isInstanceOf(SslHandler.class);
        // The 220 goes out in the clear, ahead of the handshake (startTls on the SslHandler).
        assertThat(replies(channel)).startsWith("220 Ready to start TLS");
        assertThat(channel.config().isAutoRead()).isTrue();
        channel.finishAndReleaseAll();
    }

    @Test
    void starttlsWhenNoCertificateCanBeMadeClosesTheConnection() {
        CompletableFuture<SslContext> certificate = new CompletableFuture<>();
        EmbeddedChannel channel = channel(new TlsContexts("localhost", certificate));
        replies(channel);
        channel.writeInbound(line("EHLO client.test"));
        channel.writeInbound(line("STARTTLS"));

        certificate.completeExceptionally(new IllegalStateException("no certificate on purpose"));
        channel.runPendingTasks();

        assertThat(channel.isOpen()).isFalse();
        channel.finishAndReleaseAll();
    }

    private EmbeddedChannel channel(TlsContexts tls) {
        SmtpEnvironment env = new SmtpEnvironment(backend, new SmtpCredentials(true, "test", "us-east-1"),
                "localhost", "000000000000", "us-east-1", 10_000, 50, true);
        return new EmbeddedChannel(new SmtpChannelHandler(env, tls));
    }

    private static ByteBuf line(String command) {
        return Unpooled.copiedBuffer(command + "\r\n", StandardCharsets.US_ASCII);
    }

    private static String replies(EmbeddedChannel channel) {
        StringBuilder text = new StringBuilder();
        for (ByteBuf out = channel.readOutbound(); out != null; out = channel.readOutbound()) {
            text.append(out.toString(StandardCharsets.US_ASCII));
            out.release();
        }
        return text.toString();
    }
}
