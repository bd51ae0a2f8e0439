package io.mailroom.ses.api;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;

/**
 * Opaque NextToken for list operations: the key to resume after, base64-encoded so clients treat it as
 * opaque. Lists are sorted by key, so a token stays valid while items come and go.
 */
public final class PageToken {
    private PageToken() {
    }

    public static String encode(String lastKey) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(lastKey.getBytes(StandardCharsets.UTF_8));
    }

    /** The key after which the page starts, or null for the first page. */
    public static String decode(Api api, String token) {
        if (token == null || token.isEmpty()) {
            return null;
        }
        try {
            return new String(Base64.getUrlDecoder().decode(token), StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            throw api == Api.V2 ? SesErrors.v2("BadRequestException").exception("Invalid NextToken.")
                    : api.invalidParameter("Invalid token.");
        }
    }

    /** One page of {@code sortedKeys} after {@code token}, and the token for the next page (or null). */
    public static <T> Page<T> page(Api api, List<T> sorted, java.util.function.Function<T, String> key, String token,
                                   int size) {
        String after = decode(api, token);
        int start = 0;
        if (after != null) {
            while (start < sorted.size() && key.apply(sorted.get(start)).compareTo(after) <= 0) {
                start++;
            }
        }
        int end = Math.min(sorted.size(), start + Math.max(1, size));
        List<T> items = sorted.subList(start, end);
        String next = end < sorted.size() ? encode(key.apply(sorted.get(end - 1))) : null;
        return new Page<>(List.copyOf(items), next);
    }

    public record Page<T>(List<T> items, String nextToken) {
    }
}
