package io.mailroom.protocol.rest;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;

/**
 * One segment of a request path, decoded into the label value it carries (an S3 key's part, an SES identity).
 * <p>
 * Decoding is strict: bytes that are not UTF-8 make the whole URI unparseable, as S3 answers them
 * ({@code 400 InvalidURI}, "Couldn't parse the specified URI.", https://github.com/larrabee/s3sync/issues/45).
 * A lenient decoder turns every such byte into U+FFFD, and {@code %AE%8A-} and {@code %FF%FE-} would name
 * the same key. Bytes sent unencoded (a client that writes {@code café} into the request line as UTF-8) arrive
 * as ISO-8859-1 characters, one per byte, and are decoded as the same key as their percent-encoded form.
 * A {@code +} is itself: only forms spell a space that way (RFC 3986 section 2.1).
 */
public final class PathSegment {
    private PathSegment() {
    }

    /** The decoded segment; throws {@link Undecodable} for a broken %-escape or bytes that are not UTF-8. */
    public static String decode(String raw) {
        int n = raw.length();
        int first = 0;
        while (first < n && raw.charAt(first) != '%' && raw.charAt(first) < 0x80) {
            first++;
        }
        if (first == n) {
            return raw; // plain ASCII, as nearly every key is
        }
        byte[] bytes = new byte[n * 3]; // the most a character needs below: U+0800..U+FFFF as UTF-8
        int length = 0;
        for (int i = 0; i < n; i++) {
            char c = raw.charAt(i);
            if (c == '%') {
                int high = i + 2 < n ? Character.digit(raw.charAt(i + 1), 16) : -1;
                int low = high < 0 ? -1 : Character.digit(raw.charAt(i + 2), 16);
                if (low < 0) {
                    throw new Undecodable("a malformed %-escape at index " + i);
                }
                bytes[length++] = (byte) (high << 4 | low);
                i += 2;
            } else if (c < 0x100) {
                bytes[length++] = (byte) c; // a request line's byte, as Netty reads it (ISO-8859-1)
            } else {
                // Only a caller that already decoded text passes these; keep them as the characters they are.
                int codePoint = raw.codePointAt(i);
                if (codePoint == c && Character.isSurrogate(c)) {
                    throw new Undecodable("a lone surrogate at index " + i);
                }
                byte[] utf8 = new String(Character.toChars(codePoint)).getBytes(StandardCharsets.UTF_8);
                i += Character.charCount(codePoint) - 1;
                System.arraycopy(utf8, 0, bytes, length, utf8.length);
                length += utf8.length;
            }
        }
        CharsetDecoder utf8 = StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        try {
            return utf8.decode(ByteBuffer.wrap(bytes, 0, length)).toString();
        } catch (CharacterCodingException e) {
            throw new Undecodable("bytes that are not UTF-8");
        }
    }

    /** A path segment that names no string: a broken %-escape, or bytes that are not UTF-8. */
    public static final class Undecodable extends IllegalArgumentException {
        Undecodable(String reason) {
            super(reason);
        }
    }
}
