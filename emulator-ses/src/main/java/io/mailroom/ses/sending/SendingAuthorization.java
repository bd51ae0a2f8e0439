package io.mailroom.ses.sending;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.mailroom.ses.identity.Identity;
import java.io.IOException;

/**
 * Sending authorization (https://docs.aws.amazon.com/ses/latest/dg/sending-authorization-policies.html):
 * another account may send from an identity when one of the identity's policies has an Allow statement
 * whose Principal names that account (or {@code *}) and whose Action covers the operation
 * ({@code ses:SendEmail}, {@code ses:SendRawEmail}, {@code ses:SendTemplatedEmail}, {@code ses:*}), with no
 * Deny statement that does. Conditions are not evaluated.
 */
public final class SendingAuthorization {
    private static final ObjectMapper JSON = new ObjectMapper();

    private SendingAuthorization() {
    }

    public static boolean allows(Identity identity, String callerAccount, String operation) {
        boolean allowed = false;
        for (String policy : identity.policies().values()) {
            JsonNode doc;
            try {
                doc = JSON.readTree(policy);
            } catch (IOException e) {
                continue;
            }
            JsonNode statements = doc.path("Statement");
            for (JsonNode st : statements.isArray() ? statements : JSON.createArrayNode().add(statements)) {
                if (!matchesPrincipal(st.path("Principal"), callerAccount) || !matchesAction(st.path("Action"), operation)) {
                    continue;
                }
                if ("Deny".equals(st.path("Effect").asText())) {
                    return false;
                }
                if ("Allow".equals(st.path("Effect").asText())) {
                    allowed = true;
                }
            }
        }
        return allowed;
    }

    private static boolean matchesPrincipal(JsonNode principal, String account) {
        if (principal.isTextual()) {
            return "*".equals(principal.asText());
        }
        JsonNode aws = principal.path("AWS");
        for (JsonNode p : aws.isArray() ? aws : JSON.createArrayNode().add(aws)) {
            String v = p.asText();
            if (v.equals("*") || v.equals(account) || v.startsWith("arn:aws:iam::" + account + ":")) {
                return true;
            }
        }
        return false;
    }

    private static boolean matchesAction(JsonNode action, String operation) {
        for (JsonNode a : action.isArray() ? action : JSON.createArrayNode().add(action)) {
            String v = a.asText();
            if (v.equals("*") || v.equalsIgnoreCase("ses:*") || v.equalsIgnoreCase("ses:" + operation)
                    || (v.endsWith("*") && ("ses:" + operation).toLowerCase(java.util.Locale.ROOT)
                    .startsWith(v.substring(0, v.length() - 1).toLowerCase(java.util.Locale.ROOT)))) {
                return true;
            }
        }
        return false;
    }
}
