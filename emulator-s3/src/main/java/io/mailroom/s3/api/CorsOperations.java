package io.mailroom.s3.api;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.mailroom.core.error.AwsException;
import io.mailroom.core.request.RequestContext;
import io.mailroom.s3.S3Errors;
import io.mailroom.s3.bucket.Bucket;
import io.mailroom.s3.bucket.BucketRegistry;
import io.mailroom.s3.cors.CorsConfiguration;
import io.mailroom.s3.cors.CorsGrant;
import io.mailroom.s3.cors.CorsRequest;
import io.mailroom.s3.cors.CorsRule;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A bucket's CORS configuration (Put, Get and Delete), and its use: the answer to a browser's preflight
 * ({@code OPTIONS} on a bucket or object, outside the SDK model) and the {@code Access-Control-*} headers of
 * any other request that comes with an {@code Origin}.
 * <p>
 * {@code OptionsObject}'s input is {@code Bucket}, {@code Key}, {@code Origin}, {@code Method} (the request's),
 * {@code AccessControlRequestMethod}, {@code AccessControlRequestHeaders} (the raw header values) and
 * {@code Preflight}; its output is {@code Headers}, a map of header names to values. A preflight that is not
 * allowed is S3's AccessForbidden; any other request only goes without headers.
 */
public final class CorsOperations {
    /** The operation's name: no SDK model has it. */
    public static final String OPTIONS_OBJECT = "OptionsObject";
    private static final String NOT_ALLOWED = "CORSResponse: This CORS request is not allowed. This is usually because "
            + "the evalution of Origin, request method / Access-Control-Request-Method or Access-Control-Request-Headers "
            + "are not whitelisted by the resource's CORS spec."; // sic: S3's own spelling

    private final BucketRegistry registry;

    public CorsOperations(BucketRegistry registry) {
        this.registry = registry;
    }

    public ObjectNode putBucketCors(RequestContext ctx, ObjectNode in) {
        Bucket bucket = registry.require(ctx.accountId(), Input.required(in, "Bucket"));
        bucket.cors(CorsConfiguration.parse(Input.object(in, "CORSConfiguration")));
        return Output.object();
    }

    public ObjectNode getBucketCors(RequestContext ctx, ObjectNode in) {
        Bucket bucket = registry.require(ctx.accountId(), Input.required(in, "Bucket"));
        CorsConfiguration cors = bucket.cors();
        if (cors == null) {
            throw S3Errors.NO_SUCH_CORS_CONFIGURATION.exception("The CORS configuration does not exist")
                    .with("BucketName", bucket.name());
        }
        ObjectNode out = Output.object();
        ArrayNode rules = out.putArray("CORSRules");
        for (CorsRule rule : cors.rules()) {
            ObjectNode r = rules.addObject();
            if (rule.id() != null) {
                r.put("ID", rule.id());
            }
            strings(r, "AllowedHeaders", rule.allowedHeaders());
            strings(r, "AllowedMethods", rule.allowedMethods());
            strings(r, "AllowedOrigins", rule.allowedOrigins());
            strings(r, "ExposeHeaders", rule.exposeHeaders());
            if (rule.maxAgeSeconds() != null) {
                r.put("MaxAgeSeconds", rule.maxAgeSeconds());
            }
        }
        return out;
    }

    public ObjectNode deleteBucketCors(RequestContext ctx, ObjectNode in) {
        registry.require(ctx.accountId(), Input.required(in, "Bucket")).cors(null);
        return Output.object();
    }

    /**
     * Preflights are not signed, so they are judged by the bucket whoever owns it; errors as S3 words them
     * (observed, as the API reference only says "403 Forbidden":
     * https://docs.aws.amazon.com/AmazonS3/latest/API/RESTOPTIONSobject.html).
     */
    public ObjectNode optionsObject(RequestContext ctx, ObjectNode in) {
        String origin = Input.text(in, "Origin");
        String requestedMethod = Input.text(in, "AccessControlRequestMethod");
        String requestedHeaders = Input.text(in, "AccessControlRequestHeaders");
        Optional<Bucket> bucket = Optional.ofNullable(Input.text(in, "Bucket")).flatMap(registry::find);
        ObjectNode out = Output.object();
        if (!Input.flag(in, "Preflight")) {
            String method = requestedMethod != null ? requestedMethod : Input.text(in, "Method");
            CorsConfiguration cors = bucket.map(Bucket::cors).orElse(null);
            if (origin != null && cors != null) {
                CorsRequest request = new CorsRequest(origin, method, CorsRequest.headerNames(requestedHeaders));
                cors.match(request).ifPresent(rule -> headers(out, CorsGrant.headers(rule, request, false)));
            }
            return out;
        }
        if (origin == null) {
            throw S3Errors.BAD_REQUEST.exception("Insufficient information. Origin request header needed.");
        }
        String method = requestedMethod != null ? requestedMethod : "OPTIONS";
        if (bucket.isEmpty()) {
            throw forbidden("CORSResponse: Bucket not found", method, "BUCKET");
        }
        CorsConfiguration cors = bucket.get().cors();
        if (cors == null) {
            throw forbidden("CORSResponse: CORS is not enabled for this bucket.", method, "BUCKET");
        }
        if (requestedMethod == null) {
            throw S3Errors.BAD_REQUEST.exception("Invalid Access-Control-Request-Method: null");
        }
        CorsRequest request = new CorsRequest(origin, requestedMethod, CorsRequest.headerNames(requestedHeaders));
        CorsRule rule = cors.match(request).orElseThrow(() ->
                forbidden(NOT_ALLOWED, requestedMethod, Input.text(in, "Key") != null ? "OBJECT" : "BUCKET"));
        headers(out, CorsGrant.headers(rule, request, true));
        return out;
    }

    private static AwsException forbidden(String message, String method, String resourceType) {
        return S3Errors.ACCESS_FORBIDDEN.exception("%s", message).with("Method", method)
                .with("ResourceType", resourceType);
    }

    private static void headers(ObjectNode out, Map<String, String> headers) {
        ObjectNode node = out.putObject("Headers");
        headers.forEach(node::put);
    }

    private static void strings(ObjectNode rule, String member, List<String> values) {
        if (!values.isEmpty()) {
            ArrayNode list = rule.putArray(member);
            values.forEach(list::add);
        }
    }
}
