package io.mailroom.sqs.permission;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.mailroom.sqs.SqsErrors;
import java.util.Iterator;
import java.util.List;

/**
 * AddPermission and RemovePermission edit the queue's {@code Policy}: one statement per label, whose
 * {@code Sid} is the label, granting the accounts' roots the actions on the queue.
 * https://docs.aws.amazon.com/AWSSimpleQueueService/latest/APIReference/API_AddPermission.html
 */
public final class QueuePolicy {
    private static final ObjectMapper JSON = new ObjectMapper();

    private QueuePolicy() {
    }

    /** The policy with a statement for {@code label} added. */
    public static String addPermission(String policy, String queueArn, String label, List<String> accountIds,
                                       List<String> actions) {
        ObjectNode doc = parse(policy, queueArn);
        ArrayNode statements = statements(doc);
        for (JsonNode s : statements) {
            if (label.equals(s.path("Sid").asText(null))) {
                throw SqsErrors.INVALID_PARAMETER_VALUE.exception(
                        "Value %s for parameter Label is invalid. Reason: Already exists.", label);
            }
        }
        String partition = queueArn.split(":", 3)[1];
        ObjectNode statement = statements.addObject();
        statement.put("Sid", label);
        statement.put("Effect", "Allow");
        ObjectNode principal = statement.putObject("Principal");
        if (accountIds.size() == 1) {
            principal.put("AWS", "arn:" + partition + ":iam::" + accountIds.get(0) + ":root");
        } else {
            ArrayNode aws = principal.putArray("AWS");
            accountIds.forEach(a -> aws.add("arn:" + partition + ":iam::" + a + ":root"));
        }
        if (actions.size() == 1) {
            statement.put("Action", "SQS:" + actions.get(0));
        } else {
            ArrayNode list = statement.putArray("Action");
            actions.forEach(a -> list.add("SQS:" + a));
        }
        statement.put("Resource", queueArn);
        String text = doc.toString();
        String exceeded = PolicyQuota.exceeded(text, doc);
        if (exceeded != null) {
            // AddPermission's documented error for "the maximum number of permissions for the queue".
            throw SqsErrors.OVER_LIMIT.exception("The queue's policy would be too large: %s.", exceeded);
        }
        return text;
    }

    /** The policy without the statement of {@code label}; null when no statement remains. */
    public static String removePermission(String policy, String queueArn, String label) {
        ObjectNode doc = parse(policy, queueArn);
        ArrayNode statements = statements(doc);
        boolean found = false;
        for (Iterator<JsonNode> it = statements.iterator(); it.hasNext(); ) {
            if (label.equals(it.next().path("Sid").asText(null))) {
                it.remove();
                found = true;
            }
        }
        if (!found) {
            // AWS words it by whether the queue has a policy at all (recorded answers of both kinds).
            throw SqsErrors.INVALID_PARAMETER_VALUE.exception("Value %s for parameter Label is invalid. Reason: %s",
                    label, policy == null ? "can't find label." : "can't find label on existing policy.");
        }
        return statements.isEmpty() ? null : doc.toString();
    }

    private static ObjectNode parse(String policy, String queueArn) {
        if (policy != null) {
            try {
                JsonNode node = JSON.readTree(policy);
                if (node instanceof ObjectNode o) {
                    return o;
                }
            } catch (JsonProcessingException e) {
                // A policy that is not an object cannot be edited; start afresh as SQS would have to.
            }
        }
        ObjectNode doc = JSON.createObjectNode();
        doc.put("Version", "2008-10-17"); // what AddPermission writes on AWS
        doc.put("Id", queueArn + "/SQSDefaultPolicy");
        doc.putArray("Statement");
        return doc;
    }

    private static ArrayNode statements(ObjectNode doc) {
        JsonNode s = doc.get("Statement");
        if (s instanceof ArrayNode a) {
            return a;
        }
        ArrayNode a = doc.putArray("Statement");
        if (s != null && s.isObject()) {
            a.add(s);
        }
        return a;
    }
}
