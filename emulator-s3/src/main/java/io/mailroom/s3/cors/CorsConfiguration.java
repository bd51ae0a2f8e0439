package io.mailroom.s3.cors;

import com.fasterxml.jackson.databind.JsonNode;
import io.mailroom.s3.S3Errors;
import io.mailroom.s3.api.Input;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * A bucket's CORS configuration: up to 100 rules, the first that allows a request deciding its answer.
 * See https://docs.aws.amazon.com/AmazonS3/latest/API/API_PutBucketCors.html
 */
public record CorsConfiguration(List<CorsRule> rules) {
    static final int MAX_RULES = 100;
    static final int MAX_ID_LENGTH = 255;
    private static final Set<String> METHODS = Set.of("GET", "PUT", "HEAD", "POST", "DELETE");

    public CorsConfiguration {
        rules = List.copyOf(rules);
    }

    /** The first rule that allows the request. */
    public Optional<CorsRule> match(CorsRequest request) {
        for (CorsRule rule : rules) {
            if (rule.allows(request)) {
                return Optional.of(rule);
            }
        }
        return Optional.empty();
    }

    /**
     * A {@code CORSConfiguration} as PutBucketCors decodes it, checked as S3 checks it: MalformedXML without
     * rules or for a rule without an origin or a method, InvalidRequest for other methods and for patterns with
     * more than one wildcard.
     */
    public static CorsConfiguration parse(JsonNode configuration) {
        JsonNode rules = configuration == null ? null : configuration.get("CORSRules");
        if (rules == null || !rules.isArray() || rules.isEmpty()) {
            throw Input.malformedXml();
        }
        if (rules.size() > MAX_RULES) {
            throw S3Errors.INVALID_REQUEST.exception(
                    "The number of CORS rules should not exceed allowed limit of %d rules.", MAX_RULES);
        }
        List<CorsRule> parsed = new ArrayList<>(rules.size());
        for (JsonNode rule : rules) {
            parsed.add(rule(rule));
        }
        return new CorsConfiguration(parsed);
    }

    private static CorsRule rule(JsonNode rule) {
        List<String> origins = texts(rule.get("AllowedOrigins"));
        List<String> methods = texts(rule.get("AllowedMethods"));
        if (origins.isEmpty() || methods.isEmpty()) {
            throw Input.malformedXml();
        }
        JsonNode id = rule.get("ID");
        if (id != null && !id.isNull() && id.asText().length() > MAX_ID_LENGTH) {
            throw S3Errors.INVALID_ARGUMENT.exception("ID length should not exceed allowed limit of %d", MAX_ID_LENGTH);
        }
        for (String method : methods) {
            if (!METHODS.contains(method)) {
                throw S3Errors.INVALID_REQUEST.exception(
                        "Found unsupported HTTP method in CORS config. Unsupported method is %s", method);
            }
        }
        List<String> headers = texts(rule.get("AllowedHeaders"));
        requireOneWildcard("AllowedOrigin", origins);
        requireOneWildcard("AllowedHeader", headers);
        JsonNode maxAge = rule.get("MaxAgeSeconds");
        return new CorsRule(id == null || id.isNull() ? null : id.asText(), origins, methods, headers,
                texts(rule.get("ExposeHeaders")), maxAge == null || maxAge.isNull() ? null : maxAge.asInt());
    }

    private static void requireOneWildcard(String element, List<String> patterns) {
        for (String pattern : patterns) {
            if (pattern.indexOf('*') != pattern.lastIndexOf('*')) {
                throw S3Errors.INVALID_REQUEST.exception("%s \"%s\" can not have more than one wildcard.", element,
                        pattern);
            }
        }
    }

    private static List<String> texts(JsonNode list) {
        List<String> out = new ArrayList<>();
        if (list != null && list.isArray()) {
            list.forEach(item -> out.add(item.isNull() ? "" : item.asText()));
        }
        return out;
    }
}
