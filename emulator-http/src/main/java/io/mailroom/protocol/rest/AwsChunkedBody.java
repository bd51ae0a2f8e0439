package io.mailroom.protocol.rest;

import io.mailroom.core.error.AwsException;
import io.mailroom.core.error.ErrorCode;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;

/**
 * Removes the {@code aws-chunked} framing the SDKs put around upload bodies (SigV4 streaming, with
 * optional trailing checksums): {@code <hex-size>[;chunk-signature=..]\r\n<bytes>\r\n ... 0\r\n[trailers]\r\n}.
 * Signatures and checksums are not verified.
 * https://docs.aws.amazon.com/AmazonS3/latest/API/sigv4-streaming.html
 */
public final class AwsChunkedBody {
    private static final ErrorCode INCOMPLETE = ErrorCode.sender("IncompleteBody", 400);

    private AwsChunkedBody() {
    }

    public static boolean applies(String contentEncoding, String contentSha256) {
        return (contentEncoding != null && contentEncoding.contains("aws-chunked"))
                || (contentSha256 != null && contentSha256.startsWith("STREAMING-"));
    }

    /** The content, and the trailing headers (checksums) by lower-case name. */
    public record Decoded(byte[] body, java.util.Map<String, String> trailers) {
    }

    public static Decoded decode(byte[] framed) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(framed.length);
        int pos = 0;
        while (true) {
            int lineEnd = indexOfCrlf(framed, pos);
            if (lineEnd < 0) {
                throw incomplete();
            }
            String header = new String(framed, pos, lineEnd - pos, StandardCharsets.US_ASCII);
            int semicolon = header.indexOf(';');
            int size;
            try {
                size = Integer.parseInt((semicolon < 0 ? header : header.substring(0, semicolon)).trim(), 16);
            } catch (NumberFormatException e) {
                throw incomplete();
            }
            pos = lineEnd + 2;
            if (size == 0) {
                return new Decoded(out.toByteArray(), trailers(framed, pos));
            }
            if (size < 0 || pos + size > framed.length) {
                throw incomplete();
            }
            out.write(framed, pos, size);
            pos += size;
            if (pos + 2 <= framed.length && framed[pos] == '\r' && framed[pos + 1] == '\n') {
                pos += 2;
            }
        }
    }

    private static java.util.Map<String, String> trailers(byte[] framed, int from) {
        java.util.Map<String, String> trailers = new java.util.HashMap<>(2);
        int pos = from;
        while (true) {
            int end = indexOfCrlf(framed, pos);
            String line = new String(framed, pos, (end < 0 ? framed.length : end) - pos, StandardCharsets.US_ASCII);
            int colon = line.indexOf(':');
            if (colon > 0) {
                trailers.put(line.substring(0, colon).trim().toLowerCase(java.util.Locale.ROOT),
                        line.substring(colon + 1).trim());
            }
            if (end < 0 || line.isEmpty()) {
                return trailers;
            }
            pos = end + 2;
        }
    }

    private static int indexOfCrlf(byte[] bytes, int from) {
        for (int i = from; i + 1 < bytes.length; i++) {
            if (bytes[i] == '\r' && bytes[i + 1] == '\n') {
                return i;
            }
        }
        return -1;
    }

    private static AwsException incomplete() {
        return INCOMPLETE.exception("The request body terminated unexpectedly");
    }
}
