package io.mailroom.smtp;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.Base64;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * SES SMTP credentials. The user name is an access key id; the password is not the secret key but derived
 * from it ("Obtaining Amazon SES SMTP credentials by converting existing AWS credentials", version 4):
 * a SigV4 signing-key chain with the fixed date 11111111, the region, service "ses" and "aws4_request",
 * used to sign "SendRawEmail", then the version byte 0x04 in front and Base64 over it all.
 *
 * <p>Mailroom has no IAM and cannot know a client's secret, so either any credentials are accepted, or the
 * password must be the one derived from one configured secret (default "test") for the server's region.
 */
public final class SmtpCredentials {
    private static final byte VERSION = 0x04;
    private static final String DATE = "11111111";
    private static final String SERVICE = "ses";
    private static final String TERMINAL = "aws4_request";
    private static final String MESSAGE = "SendRawEmail";

    private final boolean acceptAny;
    /** Null when any credentials are accepted: deriving it loads the JCE, which start-up need not. */
    private final byte[] expectedPassword;

    public SmtpCredentials(boolean acceptAny, String secret, String region) {
        this.acceptAny = acceptAny;
        this.expectedPassword = acceptAny ? null : derivePassword(secret, region).getBytes(StandardCharsets.US_ASCII);
    }

    /** The SES SMTP password for a secret access key in a region. */
    public static String derivePassword(String secretAccessKey, String region) {
        byte[] signature = hmac(("AWS4" + secretAccessKey).getBytes(StandardCharsets.UTF_8), DATE);
        signature = hmac(signature, region);
        signature = hmac(signature, SERVICE);
        signature = hmac(signature, TERMINAL);
        signature = hmac(signature, MESSAGE);
        byte[] versioned = new byte[signature.length + 1];
        versioned[0] = VERSION;
        System.arraycopy(signature, 0, versioned, 1, signature.length);
        return Base64.getEncoder().encodeToString(versioned);
    }

    /** Whether AUTH succeeds; the user name only picks the account (see {@link #accountFor}). */
    public boolean accepts(String username, String password) {
        if (acceptAny) {
            return true;
        }
        // Constant time, as any password comparison should be, even in an emulator.
        return MessageDigest.isEqual(expectedPassword, password.getBytes(StandardCharsets.UTF_8));
    }

    /** A 12-digit access key id selects that account, as on the HTTP API; any other the default account. */
    public static String accountFor(String username, String defaultAccount) {
        return username != null && username.matches("\\d{12}") ? username : defaultAccount;
    }

    private static byte[] hmac(byte[] key, String data) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key, "HmacSHA256"));
            return mac.doFinal(data.getBytes(StandardCharsets.UTF_8));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is part of every JDK", e);
        }
    }
}
