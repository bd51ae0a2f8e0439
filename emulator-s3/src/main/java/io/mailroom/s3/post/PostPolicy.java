package io.mailroom.s3.post;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.mailroom.core.error.AwsException;
import io.mailroom.s3.S3Errors;
import java.io.IOException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The {@code policy} field of a browser-based upload: when it expires and the conditions every form must meet
 * (https://docs.aws.amazon.com/AmazonS3/latest/API/sigv4-HTTPPOSTConstructPolicy.html). Signatures are not
 * checked, as nowhere in this server; the conditions are, so that a test of a form that breaks them sees S3's
 * refusal.
 */
public record PostPolicy(Instant expiration, List<PolicyCondition> conditions) {
    private static final ObjectMapper JSON = new ObjectMapper();

    public PostPolicy {
        conditions = List.copyOf(conditions);
    }

    /** Reads the base64-encoded JSON document of the form's {@code policy} field. */
    public static PostPolicy decode(String base64) {
        byte[] bytes;
        try {
            bytes = Base64.getMimeDecoder().decode(base64.trim());
        } catch (IllegalArgumentException e) {
            throw invalid("Invalid Policy: Invalid Base64 encoding.");
        }
        JsonNode document;
        try {
            document = JSON.readTree(bytes);
        } catch (IOException e) {
            throw invalid("Invalid Policy: Invalid JSON.");
        }
        if (document == null || !document.isObject()) {
            throw invalid("Invalid Policy: Invalid JSON.");
        }
        JsonNode expiration = document.get("expiration");
        if (expiration == null || expiration.isNull()) {
            throw invalid("Invalid Policy: Policy missing expiration.");
        }
        JsonNode conditions = document.get("conditions");
        if (conditions == null || conditions.isNull()) {
            throw invalid("Invalid Policy: Policy missing conditions.");
        }
        if (!conditions.isArray()) {
            throw invalid("Invalid Policy: Invalid 'conditions' value: must be a List.");
        }
        List<PolicyCondition> parsed = new ArrayList<>();
        for (JsonNode condition : conditions) {
            parsed.add(condition(condition));
        }
        return new PostPolicy(instant(expiration), parsed);
    }

    /** Refuses the form as S3 does when the policy has expired at {@code nowMillis} or a condition fails. */
    public void check(long nowMillis, PostForm form) {
        if (nowMillis > expiration.toEpochMilli()) {
            throw S3Errors.ACCESS_DENIED.exception("Invalid according to Policy: Policy expired.");
        }
        for (PolicyCondition condition : conditions) {
            condition.check(form);
        }
        for (String field : form.fields().keySet()) {
            if (!exempt(field) && conditions.stream().noneMatch(c -> c.names(field))) {
                throw S3Errors.ACCESS_DENIED.exception("Invalid according to Policy: Extra input fields: %s", field);
            }
        }
    }

    /**
     * "Each form field that you specify in a form (except x-amz-signature, file, policy, and field names that have
     * an x-ignore- prefix) must appear in the list of conditions"; the signature version 2 fields are the
     * signature too.
     */
    private static boolean exempt(String field) {
        return switch (field) {
            case "policy", "x-amz-signature", "signature", "awsaccesskeyid" -> true;
            default -> field.startsWith("x-ignore-");
        };
    }

    private static PolicyCondition condition(JsonNode condition) {
        if (condition.isObject()) {
            if (condition.size() != 1) {
                throw invalid("Invalid Policy: Invalid Simple-Condition: Simple-Conditions must have exactly one property specified.");
            }
            Map.Entry<String, JsonNode> only = condition.fields().next();
            return new PolicyCondition.FieldMatch(PolicyCondition.Match.EQ, only.getKey(), text(only.getValue(), condition));
        }
        if (!condition.isArray() || condition.size() != 3) {
            throw invalid("Invalid Policy: Invalid Condition: %s", condition);
        }
        Iterator<JsonNode> parts = condition.elements();
        String operation = text(parts.next(), condition).toLowerCase(Locale.ROOT);
        JsonNode second = parts.next();
        JsonNode third = parts.next();
        return switch (operation) {
            case "eq" -> new PolicyCondition.FieldMatch(PolicyCondition.Match.EQ, fieldName(second, condition),
                    text(third, condition));
            case "starts-with" -> new PolicyCondition.FieldMatch(PolicyCondition.Match.STARTS_WITH,
                    fieldName(second, condition), text(third, condition));
            case "content-length-range" -> new PolicyCondition.LengthRange(bound(second, condition), bound(third, condition));
            default -> throw invalid("Invalid Policy: Invalid Condition: unknown operation '%s'", operation);
        };
    }

    private static String fieldName(JsonNode node, JsonNode condition) {
        String name = text(node, condition);
        if (!name.startsWith("$")) {
            throw invalid("Invalid Policy: Invalid Condition: field names must start with '$': %s", condition);
        }
        return name.substring(1);
    }

    private static String text(JsonNode node, JsonNode condition) {
        if (!node.isTextual()) {
            throw invalid("Invalid Policy: Invalid Condition: %s", condition);
        }
        return node.textValue();
    }

    private static long bound(JsonNode node, JsonNode condition) {
        if (node.isIntegralNumber() && node.canConvertToLong()) {
            return node.longValue();
        }
        if (node.isTextual()) {
            try {
                return Long.parseLong(node.textValue());
            } catch (NumberFormatException e) {
                // reported below
            }
        }
        throw invalid("Invalid Policy: Invalid content-length-range: %s", condition);
    }

    private static Instant instant(JsonNode expiration) {
        String text = expiration.asText();
        try {
            return OffsetDateTime.parse(text).toInstant();
        } catch (DateTimeParseException e) {
            throw invalid("Invalid Policy: Invalid 'expiration' value: '%s'", text);
        }
    }

    private static AwsException invalid(String format, Object... args) {
        return S3Errors.INVALID_POLICY_DOCUMENT.exception(format, args);
    }
}
