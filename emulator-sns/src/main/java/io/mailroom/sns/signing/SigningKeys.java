package io.mailroom.sns.signing;

import java.io.StringWriter;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.security.SecureRandom;
import java.security.cert.X509Certificate;
import java.util.Base64;
import java.util.Date;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.cert.X509v3CertificateBuilder;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.operator.ContentSigner;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;

/**
 * The key SNS signs messages with and the self-signed certificate subscribers fetch from
 * SigningCertURL to verify them. Generated once per server start, as a real AWS signing
 * certificate is rotated independently of any topic.
 */
public final class SigningKeys {
    private static final long TEN_YEARS_MILLIS = 10L * 366 * 24 * 3600 * 1000;

    private final long nowMillis;
    private volatile Material material;

    private record Material(KeyPair keyPair, X509Certificate certificate, byte[] pem) {
    }

    private SigningKeys(long nowMillis, Material material) {
        this.nowMillis = nowMillis;
        this.material = material;
    }

    /** A fresh RSA 2048 key pair and a certificate valid from {@code nowMillis} (minus a day) for ten years. */
    public static SigningKeys generate(long nowMillis) {
        return new SigningKeys(nowMillis, create(nowMillis));
    }

    /**
     * The same, made on first use: an RSA key costs about half a second of CPU, which a server that
     * starts in well under a second cannot spend before it answers.
     */
    public static SigningKeys onFirstUse(long nowMillis) {
        return new SigningKeys(nowMillis, null);
    }

    private Material material() {
        Material m = material;
        if (m == null) {
            synchronized (this) {
                m = material;
                if (m == null) {
                    m = create(nowMillis);
                    material = m;
                }
            }
        }
        return m;
    }

    private static Material create(long nowMillis) {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
            generator.initialize(2048, new SecureRandom());
            KeyPair pair = generator.generateKeyPair();
            X500Name subject = new X500Name("CN=sns.amazonaws.com, O=Mailroom, C=US");
            X509v3CertificateBuilder builder = new JcaX509v3CertificateBuilder(subject,
                    new BigInteger(64, new SecureRandom()).abs(),
                    new Date(nowMillis - 24L * 3600 * 1000), new Date(nowMillis + TEN_YEARS_MILLIS),
                    subject, pair.getPublic());
            ContentSigner signer = new JcaContentSignerBuilder("SHA256withRSA").build(pair.getPrivate());
            X509Certificate cert = new JcaX509CertificateConverter().getCertificate(builder.build(signer));
            return new Material(pair, cert, toPem(cert));
        } catch (GeneralSecurityException | org.bouncycastle.operator.OperatorCreationException e) {
            throw new IllegalStateException("cannot create the SNS signing certificate", e);
        }
    }

    public PrivateKey privateKey() {
        return material().keyPair().getPrivate();
    }

    public X509Certificate certificate() {
        return material().certificate();
    }

    /** The certificate in PEM form, as served at SigningCertURL. */
    public byte[] pem() {
        return material().pem().clone();
    }

    private static byte[] toPem(X509Certificate certificate) {
        try {
            StringWriter out = new StringWriter();
            out.write("-----BEGIN CERTIFICATE-----\n");
            out.write(Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII))
                    .encodeToString(certificate.getEncoded()));
            out.write("\n-----END CERTIFICATE-----\n");
            return out.toString().getBytes(StandardCharsets.US_ASCII);
        } catch (java.security.cert.CertificateEncodingException e) {
            throw new IllegalStateException(e);
        }
    }
}
