package io.mailroom.ses.identity;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.mailroom.core.error.AwsException;
import io.mailroom.ses.api.Api;
import java.io.IOException;

/** Validates sending authorization policies as SES does before storing them (InvalidPolicy). */
public final class PolicyDocuments {
    private static final ObjectMapper JSON = new ObjectMapper();
    /** "You can attach up to 20 policies to each identity." */
    public static final int MAX_POLICIES = 20;

    private PolicyDocuments() {
    }

    public static void validate(Api api, String policy) {
        JsonNode doc;
        try {
            doc = JSON.readTree(policy);
        } catch (IOException e) {
            throw invalid(api, "Policy is not valid JSON.");
        }
        if (doc == null || !doc.isObject()) {
            throw invalid(api, "Policy is not a JSON object.");
        }
        JsonNode statements = doc.get("Statement");
        if (statements == null || !(statements.isArray() || statements.isObject()) || statements.isEmpty()) {
            throw invalid(api, "Policy has no statements.");
        }
        for (JsonNode st : statements.isArray() ? statements : JSON.createArrayNode().add(statements)) {
            String effect = st.path("Effect").asText();
            if (!effect.equals("Allow") && !effect.equals("Deny")) {
                throw invalid(api, "Policy statement has an invalid Effect: " + effect);
            }
            if (!st.has("Principal")) {
                throw invalid(api, "Policy statement must contain a Principal.");
            }
            if (!st.has("Action")) {
                throw invalid(api, "Policy statement must contain an Action.");
            }
        }
    }

    private static AwsException invalid(Api api, String message) {
        return api.error("InvalidPolicyException", "BadRequestException", "Error parsing policy: " + message);
    }
}
