package io.mailroom.s3.persistence;

import io.mailroom.s3.multipart.Part;
import io.mailroom.s3.object.ETag;
import io.mailroom.s3.object.StoredChecksum;
import java.util.Objects;

/**
 * One uploaded part of an upload in progress; its bytes are in {@code file}. The ETag is the MD5 of those bytes,
 * which is how a data file changed since is noticed.
 *
 * @param lastModified epoch millis
 */
public record PartSnapshot(int number, String file, String etag, long lastModified, StoredChecksum checksum) {

    public PartSnapshot {
        Objects.requireNonNull(file, "part " + number + " has no file");
        Objects.requireNonNull(etag, "part " + number + " has no etag");
        Part.validNumber(number);
    }

    static PartSnapshot of(Part p, String file) {
        return new PartSnapshot(p.number(), file, p.etag(), p.lastModified(), p.checksum());
    }

    Part toPart(byte[] body) {
        Part part = new Part(number, body, ETag.md5(body), lastModified, checksum);
        if (!part.etag().equals(etag)) {
            throw new IllegalArgumentException("part " + number + ": " + file + " no longer matches its ETag " + etag);
        }
        return part;
    }
}
