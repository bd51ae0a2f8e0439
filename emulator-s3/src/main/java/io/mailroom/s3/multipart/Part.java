package io.mailroom.s3.multipart;

import io.mailroom.core.error.AwsException;
import io.mailroom.s3.S3Errors;
import io.mailroom.s3.object.ETag;
import io.mailroom.s3.object.StoredChecksum;

/**
 * One uploaded part. Uploading the same part number again replaces it.
 *
 * @param md5          the binary MD5 of the bytes; the ETag is its hex, quoted
 * @param lastModified epoch millis
 * @param checksum     the additional checksum the part carried, or null
 */
public record Part(int number, byte[] body, byte[] md5, long lastModified, StoredChecksum checksum) {
    /** Part numbers run from 1 to 10,000, in uploads and in reads by part number alike. */
    public static final int MAX_NUMBER = 10_000;

    /** {@code number} if it is a part number S3 accepts; InvalidArgument otherwise. */
    public static int validNumber(int number) {
        if (number < 1 || number > MAX_NUMBER) {
            throw S3Errors.INVALID_ARGUMENT.exception("Part number must be an integer between 1 and %d, inclusive",
                    MAX_NUMBER);
        }
        return number;
    }

    /** CompleteMultipartUpload names a part that was not uploaded as it says (ETag or checksum). */
    public static AwsException notAsUploaded() {
        return S3Errors.INVALID_PART.exception("One or more of the specified parts could not be found.  The part may"
                + " not have been uploaded, or the specified entity tag may not match the part's entity tag.");
    }

    public long size() {
        return body.length;
    }

    public String etag() {
        return ETag.quoted(md5);
    }
}
