package io.mailroom.s3.cors;

import java.util.List;
import java.util.Locale;

/**
 * One rule of a bucket's CORS configuration, as stored and returned by GetBucketCors (header names keep the case
 * they were given). A rule allows a request when its origin, its method and every header it asks for are allowed;
 * origins and headers may hold one {@code *}, which matches any run of characters, none included.
 * See https://docs.aws.amazon.com/AmazonS3/latest/userguide/cors.html
 *
 * @param maxAgeSeconds null when the rule sets none
 */
public record CorsRule(String id, List<String> allowedOrigins, List<String> allowedMethods, List<String> allowedHeaders,
                       List<String> exposeHeaders, Integer maxAgeSeconds) {

    public CorsRule {
        allowedOrigins = List.copyOf(allowedOrigins);
        allowedMethods = List.copyOf(allowedMethods);
        allowedHeaders = allowedHeaders == null ? List.of() : List.copyOf(allowedHeaders);
        exposeHeaders = exposeHeaders == null ? List.of() : List.copyOf(exposeHeaders);
    }

    /** Origins and methods are compared as sent (S3 is case-sensitive there); header names in any case. */
    public boolean allows(CorsRequest request) {
        return allowedMethods.contains(request.method())
                && allowedOrigins.stream().anyMatch(pattern -> matches(pattern, request.origin()))
                && request.headers().stream().allMatch(this::allowsHeader);
    }

    private boolean allowsHeader(String name) {
        String lower = name.toLowerCase(Locale.ROOT);
        return allowedHeaders.stream().anyMatch(pattern -> matches(pattern.toLowerCase(Locale.ROOT), lower));
    }

    /** The whole value against a pattern with at most one {@code *}. */
    static boolean matches(String pattern, String value) {
        int star = pattern.indexOf('*');
        if (star < 0) {
            return pattern.equals(value);
        }
        String prefix = pattern.substring(0, star);
        String suffix = pattern.substring(star + 1);
        return value.length() >= prefix.length() + suffix.length()
                && value.startsWith(prefix) && value.endsWith(suffix);
    }
}
