package io.mailroom.s3.object;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.mailroom.core.time.HttpDate;
import io.mailroom.s3.api.Input;
import java.util.Arrays;
import java.util.stream.Collectors;

/**
 * The standard HTTP headers S3 stores with an object and returns on GET and HEAD ("system-defined
 * metadata", https://docs.aws.amazon.com/AmazonS3/latest/userguide/UsingMetadata.html#SysMetadata).
 *
 * @param expires epoch seconds, or null
 */
public record ObjectHeaders(String contentType, String cacheControl, String contentDisposition,
                            String contentEncoding, String contentLanguage, Double expires,
                            String websiteRedirectLocation) {
    /** What S3 stores when a PUT carries no Content-Type. */
    public static final String DEFAULT_CONTENT_TYPE = "binary/octet-stream";

    public ObjectHeaders {
        contentType = contentType == null || contentType.isEmpty() ? DEFAULT_CONTENT_TYPE : contentType;
    }

    public static ObjectHeaders of(String contentType) {
        return new ObjectHeaders(contentType, null, null, null, null, null, null);
    }

    public static ObjectHeaders from(JsonNode input) {
        Long expiresMillis = Input.timestampMillis(input, "Expires");
        return new ObjectHeaders(Input.text(input, "ContentType"), Input.text(input, "CacheControl"),
                Input.text(input, "ContentDisposition"), withoutAwsChunked(Input.text(input, "ContentEncoding")),
                Input.text(input, "ContentLanguage"),
                expiresMillis == null ? null : expiresMillis / 1000.0,
                Input.text(input, "WebsiteRedirectLocation"));
    }

    /**
     * SDKs send streaming uploads with {@code Content-Encoding: aws-chunked}; S3 removes that coding
     * before storing the header (https://docs.aws.amazon.com/AmazonS3/latest/API/sigv4-streaming.html).
     */
    private static String withoutAwsChunked(String encoding) {
        if (encoding == null) {
            return null;
        }
        String rest = Arrays.stream(encoding.split(",")).map(String::trim)
                .filter(c -> !c.isEmpty() && !c.equalsIgnoreCase("aws-chunked")).collect(Collectors.joining(","));
        return rest.isEmpty() ? null : rest;
    }

    public void writeTo(ObjectNode out) {
        out.put("ContentType", contentType);
        putIfSet(out, "CacheControl", cacheControl);
        putIfSet(out, "ContentDisposition", contentDisposition);
        putIfSet(out, "ContentEncoding", contentEncoding);
        putIfSet(out, "ContentLanguage", contentLanguage);
        if (expires != null) {
            out.put("Expires", HttpDate.format(Math.round(expires * 1000)));
        }
        putIfSet(out, "WebsiteRedirectLocation", websiteRedirectLocation);
    }

    private static void putIfSet(ObjectNode out, String member, String value) {
        if (value != null) {
            out.put(member, value);
        }
    }
}
