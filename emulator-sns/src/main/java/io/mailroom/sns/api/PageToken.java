package io.mailroom.sns.api;

import io.mailroom.sns.SnsErrors;
import java.nio.charset.StandardCharsets;
import java.util.Base64;

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
