package io.mailroom.s3.api;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.mailroom.core.error.AwsException;
import io.mailroom.s3.S3Errors;
import java.io.IOException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashMap;
import java.util.Map;

/** Reads members of the canonical input tree the front end hands to an operation. */
public final class Input {
    private Input() {
    }

    /** The member as text, or null when absent or JSON null. */
    public static String text(JsonNode input, String member) {
        JsonNode v = input == null ? null : input.get(member);
        return v == null || v.isNull() || v.isMissingNode() ? null : v.asText();
    }

    public static String required(JsonNode input, String member) {
        String v = text(input, member);
        if (v == null) {
            throw S3Errors.INVALID_ARGUMENT.exception("%s is required", member);
        }
        return v;
    }

    public static boolean flag(JsonNode input, String member) {
        JsonNode v = input == null ? null : input.get(member);
        return v != null && (v.isBoolean() ? v.booleanValue() : "true".equalsIgnoreCase(v.asText()));
    }

    /** An integer member, or {@code fallback} when absent; a value that is no integer is InvalidArgument. */
    public static int integer(JsonNode input, String member, int fallback) {
        JsonNode v = input == null ? null : input.get(member);
        if (v == null || v.isNull()) {
            return fallback;
        }
        if (v.isIntegralNumber()) {
            return v.intValue();
        }
        try {
            return Integer.parseInt(v.asText().trim());
        } catch (NumberFormatException e) {
            throw S3Errors.INVALID_ARGUMENT.exception("Provided %s not an integer or within integer range", member);
        }
    }

    /** A string→string map member (e.g. {@code Metadata} bound from {@code x-amz-meta-*}); empty when absent. */
    public static Map<String, String> stringMap(JsonNode input, String member) {
        JsonNode v = input == null ? null : input.get(member);
        Map<String, String> out = new LinkedHashMap<>();
        if (v != null && v.isObject()) {
            v.fields().forEachRemaining(e -> out.put(e.getKey(), e.getValue().asText()));
        }
        return out;
    }

    /** The raw payload bytes the front end put under {@code member} as a binary node; empty when absent. */
    public static byte[] body(JsonNode input, String member) {
        JsonNode v = input == null ? null : input.get(member);
        if (v == null || v.isNull()) {
            return new byte[0];
        }
        if (v.isTextual()) {
            // A front end may hand over a text payload; S3 stores its UTF-8 bytes.
            return v.textValue().getBytes(java.nio.charset.StandardCharsets.UTF_8);
        }
        try {
            // The stored object must not change if the caller reuses its buffer.
            byte[] bytes = v.binaryValue();
            return bytes == null ? new byte[0] : bytes.clone();
        } catch (IOException e) {
            throw S3Errors.INVALID_REQUEST.exception("the request body cannot be read");
        }
    }

    /**
     * A timestamp member as epoch millis, or null when absent. The canonical tree carries epoch seconds;
     * an HTTP-date (RFC 1123, as {@code If-Modified-Since} is sent) or ISO 8601 string is read too.
     * S3 ignores a conditional date it cannot parse, as HTTP says (RFC 9110 §13.1.3), so this answers null.
     */
    public static Long timestampMillis(JsonNode input, String member) {
        JsonNode v = input == null ? null : input.get(member);
        if (v == null || v.isNull()) {
            return null;
        }
        if (v.isNumber()) {
            return Math.round(v.doubleValue() * 1000);
        }
        String t = v.asText().trim();
        try {
            return ZonedDateTime.parse(t, DateTimeFormatter.RFC_1123_DATE_TIME).toInstant().toEpochMilli();
        } catch (DateTimeParseException notHttpDate) {
            try {
                return t.endsWith("Z") ? Instant.parse(t).toEpochMilli() : OffsetDateTime.parse(t).toInstant().toEpochMilli();
            } catch (DateTimeParseException notIso) {
                try {
                    return Math.round(Double.parseDouble(t) * 1000);
                } catch (NumberFormatException notNumber) {
                    return null;
                }
            }
        }
    }

    /** The member as an object node, or null. */
    public static ObjectNode object(JsonNode input, String member) {
        JsonNode v = input == null ? null : input.get(member);
        return v instanceof ObjectNode o ? o : null;
    }

    /**
     * Buckets here are never versioned, so every object is the "null" version; S3 refuses other version
     * ids of an unversioned bucket as invalid.
     */
    public static void requireNullVersion(String versionId) {
        if (versionId != null && !versionId.equals("null")) {
            throw S3Errors.invalidVersionId(versionId);
        }
    }

    public static AwsException malformedXml() {
        return S3Errors.MALFORMED_XML.exception(
                "The XML you provided was not well-formed or did not validate against our published schema");
    }
}
