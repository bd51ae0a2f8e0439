package io.mailroom.smtp;

import io.netty.handler.ssl.SslContext;
import io.netty.handler.ssl.SslContextBuilder;
import java.nio.file.Path;
import java.util.concurrent.CompletableFuture;
import javax.net.ssl.SSLException;

/**
 * The server side of STARTTLS: a configured PEM certificate and key, read at start so that a wrong path
 * fails the start, or a self-signed certificate ({@link SelfSignedCertificates}). That one is made on a
 * background thread when the first SMTP client connects: a server nobody sends mail to never loads
 * BouncyCastle (most of the cost), and a client's greeting and EHLO usually cover the rest.
 */
final class TlsContexts {
    private final String hostname;
    private CompletableFuture<SslContext> context;

    TlsContexts(String hostname, CompletableFuture<SslContext> context) {
        this.hostname = hostname;
        this.context = context;
    }

    static TlsContexts of(Path certificate, Path key, String hostname) {
        if (certificate == null) {
            return new TlsContexts(hostname, null);
        }
        try {
            return new TlsContexts(hostname, CompletableFuture.completedFuture(
                    SslContextBuilder.forServer(certificate.toFile(), key.toFile()).build()));
        } catch (SSLException | IllegalArgumentException e) {
            throw new IllegalArgumentException("cannot use SMTP TLS certificate " + certificate + " with key "
                    + key + ": " + e.getMessage(), e);
        }
    }

    /** Starts making the self-signed certificate, once. */
    synchronized CompletableFuture<SslContext> prepare() {
        if (context == null) {
            CompletableFuture<SslContext> result = new CompletableFuture<>();
            Thread thread = new Thread(() -> {
                try {
                    SelfSignedCertificates.Generated generated = SelfSignedCertificates.generate(hostname);
                    result.complete(SslContextBuilder.forServer(generated.keys().getPrivate(),
                            generated.certificate()).build());
                } catch (Throwable e) {
                    result.completeExceptionally(e);
                }
            }, "mailroom-smtp-tls-init");
            thread.setDaemon(true);
            thread.start();
            context = result;
        }
        return context;
    }
}
