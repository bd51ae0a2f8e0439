package io.mailroom.s3.object;

import io.mailroom.s3.S3Errors;
import java.nio.ByteBuffer;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;
import java.util.Locale;
import java.util.zip.CRC32;
import java.util.zip.CRC32C;
import java.util.zip.Checksum;

/**
 * The additional checksums S3 verifies and stores (https://docs.aws.amazon.com/AmazonS3/latest/userguide/checking-object-integrity.html),
 * each with the model member that carries its base64 value (header {@code x-amz-checksum-*}).
 */
public enum ChecksumAlgorithm {
    CRC32("ChecksumCRC32"),
    CRC32C("ChecksumCRC32C"),
    CRC64NVME("ChecksumCRC64NVME"),
    SHA1("ChecksumSHA1"),
    SHA256("ChecksumSHA256");

    private final String member;

    ChecksumAlgorithm(String member) {
        this.member = member;
    }

    public String member() {
        return member;
    }

    /** The algorithm {@code x-amz-sdk-checksum-algorithm} names, or null when it names none of these. */
    public static ChecksumAlgorithm named(String name) {
        if (name == null) {
            return null;
        }
        try {
            return valueOf(name.toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    /**
     * The algorithm a request asks for ({@code x-amz-checksum-algorithm}), or null when it asks for none. The
     * model also names SHA512, MD5 and the XXHASH family, which this server does not compute: asking for one
     * is NotImplemented rather than an upload silently stored without the checksum asked for.
     */
    public static ChecksumAlgorithm requested(String name) {
        ChecksumAlgorithm known = named(name);
        if (name != null && known == null) {
            throw S3Errors.NOT_IMPLEMENTED.exception("A header you provided implies functionality that is not"
                    + " implemented");
        }
        return known;
    }

    /** The checksum of {@code body} in base64, as S3 sends it. */
    public String compute(byte[] body) {
        byte[] digest = switch (this) {
            case CRC32 -> crc(new CRC32(), body);
            case CRC32C -> crc(new CRC32C(), body);
            case CRC64NVME -> ByteBuffer.allocate(8).putLong(Crc64Nvme.of(body)).array();
            case SHA1 -> digest("SHA-1", body);
            case SHA256 -> digest("SHA-256", body);
        };
        return Base64.getEncoder().encodeToString(digest);
    }

    private static byte[] crc(Checksum crc, byte[] body) {
        crc.update(body, 0, body.length);
        return ByteBuffer.allocate(4).putInt((int) crc.getValue()).array();
    }

    private static byte[] digest(String algorithm, byte[] body) {
        try {
            return MessageDigest.getInstance(algorithm).digest(body);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(algorithm + " is part of every JDK", e);
        }
    }
}
