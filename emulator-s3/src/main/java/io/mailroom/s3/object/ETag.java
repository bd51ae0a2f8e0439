package io.mailroom.s3.object;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * Entity tags as S3 computes them for objects uploaded in one part: the MD5 of the bytes in lowercase
 * hex, in double quotes (https://docs.aws.amazon.com/AmazonS3/latest/API/API_Object.html).
 */
public final class ETag {
    private ETag() {
    }

    public static String of(byte[] body) {
        return '"' + HexFormat.of().formatHex(md5(body)) + '"';
    }

    public static byte[] md5(byte[] body) {
        try {
            return MessageDigest.getInstance("MD5").digest(body);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("MD5 is part of every JDK", e);
        }
    }

    /** The tag without its quotes, as S3 puts it in event records. */
    public static String unquoted(String etag) {
        return etag.length() >= 2 && etag.startsWith("\"") && etag.endsWith("\"") ? etag.substring(1, etag.length() - 1)
                : etag;
    }

    /**
     * Whether an {@code If-Match} / {@code If-None-Match} value names this tag: {@code *}, or a comma
     * separated list of tags, quoted or not (S3 accepts both), weak ones compared by their opaque part.
     */
    public static boolean listed(String header, String etag) {
        String bare = unquoted(etag);
        for (String candidate : header.split(",")) {
            String c = candidate.trim();
            if (c.equals("*")) {
                return true;
            }
            if (c.startsWith("W/")) {
                c = c.substring(2);
            }
            if (unquoted(c).equals(bare)) {
                return true;
            }
        }
        return false;
    }
}
