package io.mailroom.sqs.message;

/**
 * UTF-8 lengths without encoding the string, and the fused check SendMessage needs: XML-valid characters
 * and UTF-8 length in one pass. Characters are copied a chunk at a time into a per-thread {@code char[]}
 * ({@link String#getChars} is an intrinsic, and inflates Latin-1 strings with vector instructions), so the
 * loops index a plain array instead of going through {@code String.charAt}'s coder branch and bounds check.
 */
final class Utf8 {
    /** Returned by {@link #lengthIfValidXml} for a string with a character SQS rejects. */
    static final int INVALID = -1;

    private static final int CHUNK = 2048;
    private static final ThreadLocal<char[]> BUFFER = ThreadLocal.withInitial(() -> new char[CHUNK]);

    private Utf8() {
    }

    /**
     * UTF-8 length of {@code s}; an unpaired surrogate counts as 3 bytes (the size SQS charges is only
     * asked of bodies that passed validation, which have none).
     */
    static int length(String s) {
        int n = s.length();
        int bytes = n;
        char[] buf = BUFFER.get();
        int start = 0;
        while (start < n) {
            int len = Math.min(CHUNK, n - start);
            s.getChars(start, start + len, buf, 0);
            int i = 0;
            for (; i < len; i++) {
                char c = buf[i];
                if (c < 0x80) {
                    continue;
                }
                if (c < 0x800) {
                    bytes += 1;
                } else {
                    bytes += 2;
                    if (Character.isHighSurrogate(c)) {
                        int next = start + i + 1;
                        if (next < n && Character.isLowSurrogate(i + 1 < len ? buf[i + 1] : s.charAt(next))) {
                            i++; // the pair is 4 bytes: 2 chars + 2
                        }
                    }
                }
            }
            start += i; // i is len + 1 when a pair straddled the chunk's end
        }
        return bytes;
    }

    /**
     * UTF-8 length of {@code s} if every character is one SQS accepts (#x9 | #xA | #xD | #x20-#xD7FF |
     * #xE000-#xFFFD | #x10000-#x10FFFF, supplementary ones as surrogate pairs), else {@link #INVALID}.
     */
    static int lengthIfValidXml(String s) {
        int n = s.length();
        int bytes = n;
        char[] buf = BUFFER.get();
        int start = 0;
        while (start < n) {
            int len = Math.min(CHUNK, n - start);
            s.getChars(start, start + len, buf, 0);
            int i = 0;
            while (i < len && (char) (buf[i] - 0x20) < 0x60) {
                i++; // printable ASCII, the usual body: one compare per character
            }
            for (; i < len; i++) {
                char c = buf[i];
                if (c < 0x80) {
                    if (c < 0x20 && c != 0x9 && c != 0xA && c != 0xD) {
                        return INVALID;
                    }
                } else if (c < 0x800) {
                    bytes += 1;
                } else if (c <= 0xD7FF || (c >= 0xE000 && c <= 0xFFFD)) {
                    bytes += 2;
                } else if (Character.isHighSurrogate(c)) {
                    int next = start + i + 1;
                    if (next >= n || !Character.isLowSurrogate(i + 1 < len ? buf[i + 1] : s.charAt(next))) {
                        return INVALID;
                    }
                    bytes += 2;
                    i++;
                } else {
                    return INVALID; // unpaired low surrogate, #xFFFE or #xFFFF
                }
            }
            start += i;
        }
        return bytes;
    }
}
