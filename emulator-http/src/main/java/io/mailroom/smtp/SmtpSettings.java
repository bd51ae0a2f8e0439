package io.mailroom.smtp;

import java.nio.file.Path;
import java.time.Duration;

/**
 * How the SMTP listener behaves.
 *
 * @param port                 port to bind (on the API's host); 0 picks a free one; -1 turns the listener off
 * @param acceptAnyCredentials whether AUTH takes any user name and password; when off, the password must be
 *                             the SES SMTP password derived from {@code secret} (see {@link SmtpCredentials})
 * @param secret               the secret access key whose derived SMTP password is accepted
 * @param tlsCertificate       PEM certificate chain for STARTTLS; null generates a self-signed one
 * @param tlsKey               PEM (PKCS#8) private key of {@code tlsCertificate}
 * @param maxMessageBytes      largest message (after dot-unstuffing) taken by DATA, advertised as SIZE
 * @param maxRecipients        most RCPT TO per message; SES allows 50 destinations per message
 * @param idleTimeout          how long a client may stay silent before the server answers 451 and hangs up
 */
public record SmtpSettings(int port, boolean acceptAnyCredentials, String secret, Path tlsCertificate, Path tlsKey,
                           int maxMessageBytes, int maxRecipients, Duration idleTimeout) {

    /** 2525 rather than 25/587: no root needed, and it is the port SES itself offers next to 587. */
    public static final int DEFAULT_PORT = 2525;
    public static final int DISABLED = -1;

    public SmtpSettings {
        if (port < DISABLED || port > 65535) {
            throw new IllegalArgumentException("SMTP port out of range: " + port);
        }
        if ((tlsCertificate == null) != (tlsKey == null)) {
            throw new IllegalArgumentException("an SMTP TLS certificate needs its key, and a key its certificate");
        }
        if (maxMessageBytes <= 0 || maxRecipients <= 0 || idleTimeout.isNegative() || idleTimeout.isZero()) {
            throw new IllegalArgumentException("SMTP limits must be positive");
        }
        if (secret == null) {
            secret = "";
        }
    }

    /**
     * Any credentials accepted: SDKs and frameworks pointed at an emulator mostly carry dummy keys ("test"),
     * and a local mail catcher that refuses them helps nobody. SES's 40 MB message limit, 50 recipients,
     * and a five-minute idle timeout (RFC 5321 4.5.3.2.7 asks servers for at least that).
     */
    public static SmtpSettings defaults() {
        return new SmtpSettings(DEFAULT_PORT, true, "test", null, null, 40 * 1024 * 1024, 50, Duration.ofMinutes(5));
    }

    public boolean enabled() {
        return port != DISABLED;
    }

    public SmtpSettings withPort(int value) {
        return new SmtpSettings(value, acceptAnyCredentials, secret, tlsCertificate, tlsKey, maxMessageBytes,
                maxRecipients, idleTimeout);
    }

    public SmtpSettings withAcceptAnyCredentials(boolean value) {
        return new SmtpSettings(port, value, secret, tlsCertificate, tlsKey, maxMessageBytes, maxRecipients,
                idleTimeout);
    }

    public SmtpSettings withSecret(String value) {
        return new SmtpSettings(port, acceptAnyCredentials, value, tlsCertificate, tlsKey, maxMessageBytes,
                maxRecipients, idleTimeout);
    }

    public SmtpSettings withTls(Path certificate, Path key) {
        return new SmtpSettings(port, acceptAnyCredentials, secret, certificate, key, maxMessageBytes, maxRecipients,
                idleTimeout);
    }

    public SmtpSettings withMaxMessageBytes(int value) {
        return new SmtpSettings(port, acceptAnyCredentials, secret, tlsCertificate, tlsKey, value, maxRecipients,
                idleTimeout);
    }

    public SmtpSettings withMaxRecipients(int value) {
        return new SmtpSettings(port, acceptAnyCredentials, secret, tlsCertificate, tlsKey, maxMessageBytes, value,
                idleTimeout);
    }

    public SmtpSettings withIdleTimeout(Duration value) {
        return new SmtpSettings(port, acceptAnyCredentials, secret, tlsCertificate, tlsKey, maxMessageBytes,
                maxRecipients, value);
    }
}
