package io.mailroom.s3.persistence;

import io.mailroom.s3.cors.CorsRule;
import java.util.List;

/**
 * One rule of a bucket's CORS configuration.
 *
 * @param maxAgeSeconds absent when the rule sets none
 */
public record CorsRuleSnapshot(String id, List<String> allowedOrigins, List<String> allowedMethods,
                               List<String> allowedHeaders, List<String> exposeHeaders, Integer maxAgeSeconds) {

    public CorsRuleSnapshot {
        if (allowedOrigins == null || allowedOrigins.isEmpty() || allowedMethods == null || allowedMethods.isEmpty()) {
            throw new IllegalArgumentException("CORS rule " + id + " needs allowedOrigins and allowedMethods");
        }
    }

    static CorsRuleSnapshot of(CorsRule r) {
        return new CorsRuleSnapshot(r.id(), r.allowedOrigins(), r.allowedMethods(), r.allowedHeaders(),
                r.exposeHeaders(), r.maxAgeSeconds());
    }

    CorsRule toRule() {
        return new CorsRule(id, allowedOrigins, allowedMethods, allowedHeaders, exposeHeaders, maxAgeSeconds);
    }
}
