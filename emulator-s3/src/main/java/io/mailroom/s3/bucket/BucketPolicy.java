package io.mailroom.s3.bucket;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.mailroom.core.error.AwsException;
import io.mailroom.s3.S3Errors;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * A bucket policy as PutBucketPolicy checks it before storing it: a JSON object of at most 20 KB whose
 * statements each have an effect, a principal, actions and resources of this bucket; S3 answers
 * MalformedPolicy with the reason otherwise
 * (https://docs.aws.amazon.com/AmazonS3/latest/userguide/bucket-policies.html). Mailroom does not
 * authorize requests, so the policy is kept and returned, never enforced; SES's receipt rules write to
 * a bucket whatever its policy says.
 */
public final class BucketPolicy {
    static final int MAX_BYTES = 20 * 1024;
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Set<String> PRINCIPAL_KINDS = Set.of("AWS", "Service", "Federated", "CanonicalUser");
    private static final Pattern ACCOUNT = Pattern.compile("\\d{12}");
    private static final Pattern ACTION = Pattern.compile("\\*|s3:[A-Za-z*?]+");

    private BucketPolicy() {
    }

    /** The policy text to store, or the MalformedPolicy error. */
    public static String validate(String bucket, String text) {
        if (text == null || text.isBlank()) {
            throw malformed("Policies must be valid JSON and the first byte must be '{'");
        }
        if (text.getBytes(StandardCharsets.UTF_8).length > MAX_BYTES) {
            throw malformed("Policies must be less than 20 KB");
        }
        JsonNode policy;
        try {
            policy = JSON.readTree(text);
        } catch (JsonProcessingException e) {
            policy = null;
        }
        if (policy == null || !policy.isObject() || !text.stripLeading().startsWith("{")) {
            throw malformed("Policies must be valid JSON and the first byte must be '{'");
        }
        JsonNode statements = policy.get("Statement");
        if (statements == null || statements.isNull() || statements.isEmpty()) {
            throw malformed("Missing required field Statement");
        }
        for (JsonNode statement : values(statements)) {
            if (!statement.isObject()) {
                throw malformed("Policies must be valid JSON and the first byte must be '{'");
            }
            checkStatement(bucket, statement);
        }
        return text;
    }

    private static void checkStatement(String bucket, JsonNode statement) {
        JsonNode effect = statement.get("Effect");
        if (effect == null) {
            throw malformed("Missing required field Effect");
        }
        if (!effect.asText().equals("Allow") && !effect.asText().equals("Deny")) {
            throw malformed("Invalid effect: " + effect.asText());
        }
        JsonNode principal = either(statement, "Principal", "NotPrincipal");
        if (principal == null) {
            throw malformed("Missing required field Principal");
        }
        checkPrincipal(principal);
        JsonNode actions = either(statement, "Action", "NotAction");
        if (actions == null) {
            throw malformed("Missing required field Action");
        }
        for (JsonNode action : values(actions)) {
            if (!action.isTextual() || !ACTION.matcher(action.asText()).matches()) {
                throw malformed("Policy has invalid action");
            }
        }
        JsonNode resources = either(statement, "Resource", "NotResource");
        if (resources == null) {
            throw malformed("Missing required field Resource");
        }
        String arn = "arn:aws:s3:::" + bucket;
        for (JsonNode resource : values(resources)) {
            String r = resource.asText();
            if (!resource.isTextual() || !(r.equals(arn) || r.startsWith(arn + "/"))) {
                throw malformed("Policy has invalid resource");
            }
        }
    }

    /** {@code "*"}, or a map of principal kinds to one principal or a list of them. */
    private static void checkPrincipal(JsonNode principal) {
        if (principal.isTextual() && principal.asText().equals("*")) {
            return;
        }
        if (!principal.isObject() || principal.isEmpty()) {
            throw malformed("Invalid principal in policy");
        }
        var kinds = principal.fields();
        while (kinds.hasNext()) {
            var kind = kinds.next();
            if (!PRINCIPAL_KINDS.contains(kind.getKey())) {
                throw malformed("Invalid principal in policy");
            }
            for (JsonNode value : values(kind.getValue())) {
                String v = value.asText();
                boolean valid = value.isTextual() && switch (kind.getKey()) {
                    case "AWS" -> v.equals("*") || ACCOUNT.matcher(v).matches() || v.startsWith("arn:aws:iam::")
                            || v.startsWith("arn:aws:sts::");
                    case "Service" -> v.equals("*") || v.endsWith(".amazonaws.com") || v.endsWith(".amazonaws.com.cn");
                    default -> !v.isEmpty();
                };
                if (!valid) {
                    throw malformed("Invalid principal in policy");
                }
            }
        }
    }

    private static JsonNode either(JsonNode statement, String name, String negated) {
        JsonNode v = statement.get(name);
        return v != null && !v.isNull() ? v : statement.get(negated);
    }

    private static Iterable<JsonNode> values(JsonNode node) {
        return node.isArray() ? node : List.of(node);
    }

    private static AwsException malformed(String reason) {
        return S3Errors.MALFORMED_POLICY.exception(reason);
    }
}
