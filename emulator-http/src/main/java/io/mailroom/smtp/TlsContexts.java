package io.mailroom.smtp;

import io.netty.handler.ssl.SslContext;
import io.netty.handler.ssl.SslContextBuilder;
import java.nio.file.Path;
import java.util.concurrent.CompletableFuture;
import javax.net.ssl.SSLException;

/**
 * The server side of STARTTLS: a configured PEM certificate and key, or a self-signed certificate
 * ({@link SelfSignedCertificates}) made on a background thread at start, so that start-up does not wait
 * for it (loading BouncyCastle is most of the cost).
 */
final class TlsContexts {
    private TlsContexts() {
    }

    static CompletableFuture<SslContext> prepare(Path certificate, Path key, String hostname) {
        if (certificate != null) {
            try {
                return CompletableFuture.completedFuture(
                        SslContextBuilder.forServer(certificate.toFile(), key.toFile()).build());
            } catch (SSLException | IllegalArgumentException e) {
                throw new IllegalArgumentException("cannot use SMTP TLS certificate " + certificate + " with key "
                        + key + ": " + e.getMessage(), e);
            }
        }
        CompletableFuture<SslContext> result = new CompletableFuture<>();
        Thread thread = new Thread(() -> {
            try {
                result.complete(selfSigned(hostname));
            } catch (Throwable e) {
                result.completeExceptionally(e);
            }
        }, "mailroom-smtp-tls-init");
        thread.setDaemon(true);
        thread.start();
        return result;
    }

    private static SslContext selfSigned(String hostname) throws SSLException {
        SelfSignedCertificates.Generated generated = SelfSignedCertificates.generate(hostname);
        return SslContextBuilder.forServer(generated.keys().getPrivate(), generated.certificate()).build();
    }
}
