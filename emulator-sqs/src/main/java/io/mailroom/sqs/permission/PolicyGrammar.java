package io.mailroom.sqs.permission;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;

/**
 * What SQS requires of a queue's access policy beyond being JSON, each refused with "Invalid value for the
 * parameter Policy.": one or more statements, a known policy language version, and in every statement an
 * Allow or Deny effect, a principal, an action and a resource
 * (<a href="https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_grammar.html">policy grammar</a>;
 * an empty statement list and a statement without a resource are refused in practice:
 * <a href="https://github.com/cloud-custodian/cloud-custodian/issues/1816">cloud-custodian#1816</a>,
 * <a href="https://github.com/aws/aws-cdk/issues/1675">aws-cdk#1675</a>).
 */
public final class PolicyGrammar {
    private static final List<String> VERSIONS = List.of("2012-10-17", "2008-10-17");

    private PolicyGrammar() {
    }

    public static boolean isValid(JsonNode document) {
        JsonNode version = document.get("Version");
        if (version != null && !(version.isTextual() && VERSIONS.contains(version.asText()))) {
            return false;
        }
        JsonNode statement = document.path("Statement");
        if (statement.isObject()) {
            return isValidStatement(statement);
        }
        if (!statement.isArray() || statement.isEmpty()) {
            return false;
        }
        for (JsonNode s : statement) {
            if (!s.isObject() || !isValidStatement(s)) {
                return false;
            }
        }
        return true;
    }

    private static boolean isValidStatement(JsonNode statement) {
        String effect = statement.path("Effect").asText("");
        return (effect.equals("Allow") || effect.equals("Deny"))
                && present(statement, "Principal", "NotPrincipal")
                && present(statement, "Action", "NotAction")
                && present(statement, "Resource", "NotResource");
    }

    private static boolean present(JsonNode statement, String name, String negated) {
        JsonNode value = statement.has(name) ? statement.get(name) : statement.get(negated);
        return value != null && !value.isNull() && !(value.isContainerNode() && value.isEmpty())
                && !(value.isTextual() && value.asText().isEmpty());
    }
}
