package io.mailroom.s3.listing;

import java.util.Comparator;

/**
 * S3 lists keys in UTF-8 binary order (https://docs.aws.amazon.com/AmazonS3/latest/API/API_ListObjectsV2.html),
 * which is code point order. Java's {@link String#compareTo} compares UTF-16 units instead, and puts
 * characters above U+FFFF (stored as surrogates, U+D800–U+DFFF) before U+E000–U+FFFF: this comparator
 * does not.
 */
public final class KeyOrder implements Comparator<String> {
    public static final KeyOrder INSTANCE = new KeyOrder();

    private KeyOrder() {
    }

    @Override
    public int compare(String a, String b) {
        int n = Math.min(a.length(), b.length());
        for (int i = 0; i < n; i++) {
            char ca = a.charAt(i);
            char cb = b.charAt(i);
            if (ca != cb) {
                return Integer.compare(a.codePointAt(i), b.codePointAt(i));
            }
        }
        return Integer.compare(a.length(), b.length());
    }

    /**
     * The least string that sorts after every string starting with {@code prefix}, or null when there is
     * none (every string starts with the empty prefix).
     */
    public static String successor(String prefix) {
        int end = prefix.length();
        while (end > 0) {
            int last = prefix.codePointBefore(end);
            int start = end - Character.charCount(last);
            if (last < Character.MAX_CODE_POINT) {
                return prefix.substring(0, start) + new String(Character.toChars(last + 1));
            }
            end = start;
        }
        return null;
    }
}
