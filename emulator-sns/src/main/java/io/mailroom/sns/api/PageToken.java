package io.mailroom.sns.api;

import io.mailroom.sns.SnsErrors;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.NavigableMap;

/**
 * NextToken values: the opaque, URL-safe encoding of the last key returned, so paging continues after
 * it even if items were added or removed meanwhile.
 */
public final class PageToken {
    private PageToken() {
    }

    public static String encode(String lastKey) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(lastKey.getBytes(StandardCharsets.UTF_8));
    }

    /** The key to continue after, or null for the first page; InvalidParameter for a token we did not issue. */
    public static String decode(String token) {
        if (token == null || token.isEmpty()) {
            return null;
        }
        try {
            return new String(Base64.getUrlDecoder().decode(token), StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            throw SnsErrors.invalid("NextToken");
        }
    }

    /**
     * The part of {@code range} after the token's key, or all of it for no token; InvalidParameter for a
     * token whose key lies outside the range, which we cannot have issued for it.
     */
    public static <V> NavigableMap<String, V> after(NavigableMap<String, V> range, String token) {
        String key = decode(token);
        if (key == null) {
            return range;
        }
        try {
            return range.tailMap(key, false);
        } catch (IllegalArgumentException outsideTheRange) {
            throw SnsErrors.invalid("NextToken");
        }
    }

    public static long decodeLong(String token) {
        String key = decode(token);
        if (key == null) {
            return Long.MIN_VALUE;
        }
        try {
            return Long.parseLong(key);
        } catch (NumberFormatException e) {
            throw SnsErrors.invalid("NextToken");
        }
    }
}
