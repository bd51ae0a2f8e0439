package io.mailroom.s3.object;

import io.mailroom.s3.S3Errors;
import java.security.MessageDigest;
import java.util.Base64;

/**
 * {@code Content-MD5} of PutObject and UploadPart: the base64 of the body's MD5. A value that is not one is
 * InvalidDigest, one that does not match is BadDigest
 * (https://docs.aws.amazon.com/AmazonS3/latest/API/API_PutObject.html).
 */
public final class ContentMd5 {
    private ContentMd5() {
    }

    /** Checks {@code contentMd5} against {@code body}; no header, no check (and no hashing). */
    public static void verify(String contentMd5, byte[] body) {
        if (contentMd5 != null) {
            verifyDigest(contentMd5, ETag.md5(body));
        }
    }

    /** Checks {@code contentMd5}, if given, against the body's MD5 computed already. */
    public static void verifyDigest(String contentMd5, byte[] md5) {
        if (contentMd5 == null) {
            return;
        }
        byte[] given;
        try {
            given = Base64.getDecoder().decode(contentMd5.trim());
        } catch (IllegalArgumentException e) {
            given = null;
        }
        if (given == null || given.length != 16) {
            throw S3Errors.INVALID_DIGEST.exception("The Content-MD5 you specified was invalid.");
        }
        if (!MessageDigest.isEqual(given, md5)) {
            throw S3Errors.BAD_DIGEST.exception("The Content-MD5 you specified did not match what we received.");
        }
    }
}
