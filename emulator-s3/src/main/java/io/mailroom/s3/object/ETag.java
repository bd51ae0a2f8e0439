package io.mailroom.s3.object;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;

/**
 * Entity tags as S3 computes them: for objects uploaded in one part the MD5 of the bytes in lowercase
 * hex, in double quotes (https://docs.aws.amazon.com/AmazonS3/latest/API/API_Object.html); for multipart
 * uploads see {@link #multipart}.
 */
public final class ETag {
    private ETag() {
    }

    public static String of(byte[] body) {
        return quoted(md5(body));
    }

    /** The ETag of bytes whose binary MD5 is {@code md5}. */
    public static String quoted(byte[] md5) {
        return '"' + HexFormat.of().formatHex(md5) + '"';
    }

    /**
     * The ETag of an object assembled from parts: the MD5 of the parts' binary MD5s one after another, then
     * a dash and the number of parts. It is not the MD5 of the object's bytes.
     */
    public static String multipart(List<byte[]> partMd5s) {
        MessageDigest all = digest();
        partMd5s.forEach(all::update);
        return '"' + HexFormat.of().formatHex(all.digest()) + "-" + partMd5s.size() + '"';
    }

    /** The ETag of {@code body} stored as it was uploaded: in one part, or in parts of {@code partSizes}. */
    public static String of(byte[] body, List<Long> partSizes) {
        if (partSizes.isEmpty()) {
            return of(body);
        }
        List<byte[]> md5s = new ArrayList<>(partSizes.size());
        int offset = 0;
        for (long size : partSizes) {
            MessageDigest part = digest();
            part.update(body, offset, (int) size);
            md5s.add(part.digest());
            offset += (int) size;
        }
        return multipart(md5s);
    }

    private static MessageDigest digest() {
        try {
            return MessageDigest.getInstance("MD5");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("MD5 is part of every JDK", e);
        }
    }

    public static byte[] md5(byte[] body) {
        return digest().digest(body);
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
