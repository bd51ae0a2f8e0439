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

/**
 * A bucket's CORS configuration (Put, Get and Delete), and its use, which no SDK model describes: the answer to a
 * browser's preflight ({@code OPTIONS} on a bucket or object) and the {@code Access-Control-*} headers of any other
 * request that comes with an {@code Origin}. The front end calls both by name with {@code Bucket}, {@code Origin},
 * {@code AccessControlRequestMethod} and {@code AccessControlRequestHeaders} (the raw header values), a preflight
 * with the {@code Key} it names and any other request with its {@code Method}; both answer {@code Headers}, a map
 * of header names to values. A preflight that is not allowed is S3's AccessForbidden; any other request only goes
 * without headers.
 */
public final class CorsOperations {
    /** S3's name for a preflight. */
    public static final String OPTIONS_OBJECT = "OptionsObject";
    /** How the front end asks for the headers of any other request with an Origin: S3 has no name for it. */
    public static final String CROSS_ORIGIN_HEADERS = "CrossOriginHeaders";
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
        if (origin == null) {
            throw S3Errors.BAD_REQUEST.exception("Insufficient information. Origin request header needed.");
        }
        String requestedMethod = Input.text(in, "AccessControlRequestMethod");
        String method = requestedMethod != null ? requestedMethod : "OPTIONS";
        Bucket bucket = registry.find(Input.required(in, "Bucket"))
                .orElseThrow(() -> forbidden("CORSResponse: Bucket not found", method, "BUCKET"));
        CorsConfiguration cors = bucket.cors();
        if (cors == null) {
            throw forbidden("CORSResponse: CORS is not enabled for this bucket.", method, "BUCKET");
        }
        if (requestedMethod == null) {
            throw S3Errors.BAD_REQUEST.exception("Invalid Access-Control-Request-Method: null");
        }
        CorsRequest request = new CorsRequest(origin, requestedMethod,
                CorsRequest.headerNames(Input.text(in, "AccessControlRequestHeaders")));
        CorsRule rule = cors.match(request).orElseThrow(() ->
                forbidden(NOT_ALLOWED, requestedMethod, Input.text(in, "Key") != null ? "OBJECT" : "BUCKET"));
        return granted(CorsGrant.headers(rule, request, true));
    }

    /**
     * The headers of a request that is no preflight, judged as one would be when it carries the preflight's
     * headers (S3 does); none for a bucket that is not there or does not allow it.
     */
    public ObjectNode crossOriginHeaders(RequestContext ctx, ObjectNode in) {
        String requestedMethod = Input.text(in, "AccessControlRequestMethod");
        CorsRequest request = new CorsRequest(Input.required(in, "Origin"),
                requestedMethod != null ? requestedMethod : Input.required(in, "Method"),
                CorsRequest.headerNames(Input.text(in, "AccessControlRequestHeaders")));
        return registry.find(Input.required(in, "Bucket"))
                .map(Bucket::cors)
                .flatMap(cors -> cors.match(request))
                .map(rule -> granted(CorsGrant.headers(rule, request, false)))
                .orElseGet(Output::object);
    }

    private static AwsException forbidden(String message, String method, String resourceType) {
        return S3Errors.ACCESS_FORBIDDEN.exception("%s", message).with("Method", method)
                .with("ResourceType", resourceType);
    }

    private static ObjectNode granted(Map<String, String> headers) {
        ObjectNode out = Output.object();
        ObjectNode node = out.putObject("Headers");
        headers.forEach(node::put);
        return out;
    }

    private static void strings(ObjectNode rule, String member, List<String> values) {
        if (!values.isEmpty()) {
            ArrayNode list = rule.putArray(member);
            values.forEach(list::add);
        }
    }
}
