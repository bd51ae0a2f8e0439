package io.mailroom.s3.cors;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The {@code Access-Control-*} headers S3 answers an allowed cross-origin request with, from the first rule that
 * allows it. The origin is echoed unless the rule allows any ({@code *}), and then credentials are not allowed;
 * the methods and exposed headers are the rule's, joined by ", "; a preflight echoes the headers it asked for.
 * Every allowed answer varies by the request's origin and, for caches, its preflight headers.
 */
public final class CorsGrant {
    private static final String VARY = "Origin, Access-Control-Request-Headers, Access-Control-Request-Method";

    private CorsGrant() {
    }

    /** The headers for a request {@code rule} allows; {@code preflight} adds the echo of the requested headers. */
    public static Map<String, String> headers(CorsRule rule, CorsRequest request, boolean preflight) {
        Map<String, String> headers = new LinkedHashMap<>();
        boolean anyOrigin = rule.allowedOrigins().contains("*");
        headers.put("Access-Control-Allow-Origin", anyOrigin ? "*" : request.origin());
        headers.put("Access-Control-Allow-Methods", String.join(", ", rule.allowedMethods()));
        if (!anyOrigin) {
            headers.put("Access-Control-Allow-Credentials", "true");
        }
        if (preflight && !request.headers().isEmpty()) {
            headers.put("Access-Control-Allow-Headers", String.join(", ", request.headers()));
        }
        if (!rule.exposeHeaders().isEmpty()) {
            headers.put("Access-Control-Expose-Headers", String.join(", ", rule.exposeHeaders()));
        }
        if (rule.maxAgeSeconds() != null) {
            headers.put("Access-Control-Max-Age", Integer.toString(rule.maxAgeSeconds()));
        }
        headers.put("Vary", VARY);
        return headers;
    }
}
