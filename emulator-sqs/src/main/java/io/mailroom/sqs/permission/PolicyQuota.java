package io.mailroom.sqs.permission;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.charset.StandardCharsets;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

/**
 * The size limits of a queue's access policy: 8,192 bytes, 20 statements, 50 principals and 10 conditions.
 * https://docs.aws.amazon.com/AWSSimpleQueueService/latest/SQSDeveloperGuide/quotas-policies.html
 */
public final class PolicyQuota {
    static final int MAX_BYTES = 8_192;
    static final int MAX_STATEMENTS = 20;
    static final int MAX_PRINCIPALS = 50;
    static final int MAX_CONDITIONS = 10;

    private PolicyQuota() {
    }

    /** The limit the policy goes beyond, as words for an error message; null when it is within all four. */
    public static String exceeded(String text, JsonNode document) {
        if (text.getBytes(StandardCharsets.UTF_8).length > MAX_BYTES) {
            return "a policy holds at most " + MAX_BYTES + " bytes";
        }
        JsonNode statement = document.path("Statement");
        int statements = statement.isArray() ? statement.size() : statement.isObject() ? 1 : 0;
        if (statements > MAX_STATEMENTS) {
            return "a policy holds at most " + MAX_STATEMENTS + " statements";
        }
        int principals = 0;
        int conditions = 0;
        for (JsonNode s : statement.isArray() ? statement : List.of(statement)) {
            principals += principals(s.path("Principal")) + principals(s.path("NotPrincipal"));
            for (JsonNode operator : s.path("Condition")) {
                conditions += operator.isObject() ? operator.size() : 0;
            }
        }
        if (principals > MAX_PRINCIPALS) {
            return "a policy names at most " + MAX_PRINCIPALS + " principals";
        }
        if (conditions > MAX_CONDITIONS) {
            return "a policy holds at most " + MAX_CONDITIONS + " conditions";
        }
        return null;
    }

    /** {@code "*"}, or each value under {@code AWS}, {@code Service}, ... (a string or a list of them). */
    private static int principals(JsonNode principal) {
        if (principal.isTextual()) {
            return 1;
        }
        int count = 0;
        for (Iterator<Map.Entry<String, JsonNode>> it = principal.fields(); it.hasNext(); ) {
            JsonNode value = it.next().getValue();
            count += value.isArray() ? value.size() : 1;
        }
        return count;
    }
}
