package io.mailroom.s3.bucket;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * The account that owns buckets, as S3 names it: a 64-hex-digit canonical user id (ListBuckets'
 * {@code Owner/ID}) and a shorter principal id (event notifications' {@code ownerIdentity}). AWS derives
 * both from internal records; here they are derived from the account id, so they are stable across
 * restarts and distinct per account.
 */
public record Owner(String accountId) {

    public String canonicalId() {
        return HexFormat.of().formatHex(sha256("canonical:" + accountId));
    }

    /** Uppercase, {@code A}-prefixed like the customer ids S3 puts in event records. */
    public String principalId() {
        return "A" + HexFormat.of().withUpperCase().formatHex(sha256("principal:" + accountId)).substring(0, 13);
    }

    private static byte[] sha256(String text) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JDK", e);
        }
    }
}
