package io.mailroom.s3.multipart;

import io.mailroom.s3.object.StoredChecksum;

/**
 * One uploaded part. Uploading the same part number again replaces it.
 *
 * @param md5          the binary MD5 of the bytes; the ETag is its hex, quoted
 * @param lastModified epoch millis
 * @param checksum     the additional checksum the part carried, or null
 */
public record Part(int number, byte[] body, byte[] md5, String etag, long lastModified, StoredChecksum checksum) {

    public long size() {
        return body.length;
    }
}
