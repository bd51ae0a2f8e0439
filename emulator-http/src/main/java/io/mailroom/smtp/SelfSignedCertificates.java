package io.mailroom.smtp;

import java.math.BigInteger;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.SecureRandom;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.LinkedHashSet;
import java.util.Set;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.GeneralName;
import org.bouncycastle.asn1.x509.GeneralNames;
import org.bouncycastle.cert.CertIOException;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.operator.OperatorCreationException;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;

/**
 * The certificate STARTTLS offers when none is configured. Netty's SelfSignedCertificate only sets a
 * common name, which TLS clients that check the server's identity (Angus Mail 2, Ruby's net-smtp) refuse:
 * they look for subject alternative names (RFC 6125), so this one carries localhost, 127.0.0.1, ::1 and
 * the bound host. An EC P-256 key takes milliseconds to make, where RSA takes up to a second.
 */
final class SelfSignedCertificates {
    record Generated(KeyPair keys, X509Certificate certificate) {}

    private SelfSignedCertificates() {
    }

    static Generated generate(String hostname) {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("EC");
            generator.initialize(256);
            KeyPair keys = generator.generateKeyPair();
            X500Name name = new X500Name("CN=" + (hostname.matches("[A-Za-z0-9.-]+") ? hostname : "localhost"));
            Instant now = Instant.now();
            JcaX509v3CertificateBuilder builder = new JcaX509v3CertificateBuilder(name,
                    new BigInteger(63, new SecureRandom()), Date.from(now.minus(Duration.ofDays(1))),
                    Date.from(now.plus(Duration.ofDays(3650))), name, keys.getPublic());
            builder.addExtension(Extension.subjectAlternativeName, false, alternativeNames(hostname));
            X509Certificate certificate = new JcaX509CertificateConverter().getCertificate(
                    builder.build(new JcaContentSignerBuilder("SHA256withECDSA").build(keys.getPrivate())));
            return new Generated(keys, certificate);
        } catch (GeneralSecurityException | OperatorCreationException | CertIOException e) {
            throw new IllegalStateException("cannot make a self-signed certificate for STARTTLS", e);
        }
    }

    private static GeneralNames alternativeNames(String hostname) {
        Set<GeneralName> names = new LinkedHashSet<>();
        names.add(new GeneralName(GeneralName.dNSName, "localhost"));
        names.add(new GeneralName(GeneralName.iPAddress, "127.0.0.1"));
        names.add(new GeneralName(GeneralName.iPAddress, "::1"));
        if (hostname.matches("[0-9.]+|[0-9A-Fa-f:]*:[0-9A-Fa-f:.]*")) {
            names.add(new GeneralName(GeneralName.iPAddress, hostname));
        } else if (hostname.matches("[A-Za-z0-9.-]+")) {
            names.add(new GeneralName(GeneralName.dNSName, hostname));
        }
        return new GeneralNames(names.toArray(GeneralName[]::new));
    }
}
