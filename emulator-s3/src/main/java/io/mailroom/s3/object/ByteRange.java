package io.mailroom.s3.object;

import io.mailroom.s3.S3Errors;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One byte range of a GET or HEAD ({@code Range: bytes=first-last}, {@code bytes=first-},
 * {@code bytes=-suffixLength}), both ends inclusive. S3 serves one range only: a header it cannot use (a
 * different unit, several ranges, bad syntax) is ignored and the whole object is sent, as HTTP allows
 * (RFC 9110 §14.2); a well-formed range that starts past the end answers 416 InvalidRange
 * (https://docs.aws.amazon.com/AmazonS3/latest/API/API_GetObject.html#API_GetObject_RequestSyntax).
 */
public record ByteRange(long first, long last, long size) {
    private static final Pattern SINGLE = Pattern.compile("bytes=(\\d*)-(\\d*)");

    /** The range to serve, or empty to serve the whole object. */
    public static Optional<ByteRange> parse(String header, long size) {
        if (header == null) {
            return Optional.empty();
        }
        Matcher m = SINGLE.matcher(header.trim());
        if (!m.matches() || (m.group(1).isEmpty() && m.group(2).isEmpty())) {
            return Optional.empty();
        }
        try {
            if (m.group(1).isEmpty()) {
                long suffix = Long.parseLong(m.group(2));
                if (suffix == 0 || size == 0) {
                    throw unsatisfiable(header, size);
                }
                return Optional.of(new ByteRange(Math.max(0, size - suffix), size - 1, size));
            }
            long first = Long.parseLong(m.group(1));
            long last = m.group(2).isEmpty() ? Long.MAX_VALUE : Long.parseLong(m.group(2));
            if (last < first) {
                return Optional.empty();
            }
            if (first >= size) {
                throw unsatisfiable(header, size);
            }
            return Optional.of(new ByteRange(first, Math.min(last, size - 1), size));
        } catch (NumberFormatException tooManyDigits) {
            return Optional.empty();
        }
    }

    /** S3 echoes the range it refused and tells the object's size, which a client can retry with. */
    private static RuntimeException unsatisfiable(String header, long size) {
        return S3Errors.INVALID_RANGE.exception("The requested range is not satisfiable")
                .with("RangeRequested", header).with("ActualObjectSize", Long.toString(size));
    }

    /** Whether this range is every byte of the object, as {@code bytes=0-} or a long enough suffix asks. */
    public boolean whole() {
        return first == 0 && last == size - 1;
    }

    public long length() {
        return last - first + 1;
    }

    /** The {@code Content-Range} header value. */
    public String contentRange() {
        return "bytes " + first + "-" + last + "/" + size;
    }
}
