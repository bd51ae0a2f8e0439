package io.mailroom.sns.topic;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.mailroom.sns.SnsErrors;
import io.mailroom.sns.arn.Arn;
import java.util.List;

/**
 * A topic's access policy document: the one AWS generates for a new topic, and the statements that
 * AddPermission/RemovePermission add and remove by label (the statement's Sid).
 */
public final class TopicPolicy {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final JsonNodeFactory F = JsonNodeFactory.instance;
    /** The actions of AWS's default statement, in AWS's order. */
    private static final List<String> DEFAULT_ACTIONS = List.of("SNS:GetTopicAttributes", "SNS:SetTopicAttributes",
            "SNS:AddPermission", "SNS:RemovePermission", "SNS:DeleteTopic", "SNS:Subscribe",
            "SNS:ListSubscriptionsByTopic", "SNS:Publish");

    private TopicPolicy() {
    }

    /** The policy AWS attaches to a new topic: the owner account may do everything. */
    public static ObjectNode defaultPolicy(String topicArn, String account) {
        ObjectNode policy = F.objectNode();
        policy.put("Version", "2008-10-17");
        policy.put("Id", "__default_policy_ID");
        ObjectNode statement = policy.putArray("Statement").addObject();
        statement.put("Sid", "__default_statement_ID");
        statement.put("Effect", "Allow");
        statement.putObject("Principal").put("AWS", "*");
        ArrayNode actions = statement.putArray("Action");
        DEFAULT_ACTIONS.forEach(actions::add);
        statement.put("Resource", topicArn);
        statement.putObject("Condition").putObject("StringEquals").put("AWS:SourceOwner", account);
        return policy;
    }

    /** Parses a Policy attribute value; must be a JSON object. */
    public static ObjectNode parse(String json) {
        try {
            JsonNode node = JSON.readTree(json);
            if (node instanceof ObjectNode object) {
                return object;
            }
        } catch (Exception e) {
            // answered below
        }
        throw SnsErrors.invalid("Policy Error: null");
    }

    /** The policy with a statement for {@code label} added (AddPermission). */
    public static ObjectNode withPermission(ObjectNode policy, String topicArn, String label,
                                            List<String> accounts, List<String> actions) {
        ObjectNode copy = policy.deepCopy();
        JsonNode statements = copy.get("Statement");
        ArrayNode list = statements instanceof ArrayNode a ? a : copy.putArray("Statement");
        for (JsonNode s : list) {
            if (label.equals(s.path("Sid").asText(null))) {
                throw SnsErrors.invalid("Statement already exists");
            }
        }
        String partition = Arn.parse(topicArn).map(Arn::partition).orElse("aws");
        ObjectNode statement = list.addObject();
        statement.put("Sid", label);
        statement.put("Effect", "Allow");
        ObjectNode principal = statement.putObject("Principal");
        if (accounts.size() == 1) {
            principal.put("AWS", principalArn(partition, accounts.get(0)));
        } else {
            ArrayNode p = principal.putArray("AWS");
            accounts.forEach(a -> p.add(principalArn(partition, a)));
        }
        if (actions.size() == 1) {
            statement.put("Action", "SNS:" + actions.get(0));
        } else {
            ArrayNode a = statement.putArray("Action");
            actions.forEach(x -> a.add("SNS:" + x));
        }
        statement.put("Resource", topicArn);
        return copy;
    }

    /** The policy without the statement labelled {@code label} (RemovePermission); unchanged if none. */
    public static ObjectNode withoutPermission(ObjectNode policy, String label) {
        ObjectNode copy = policy.deepCopy();
        JsonNode statements = copy.get("Statement");
        if (statements instanceof ArrayNode list) {
            for (int i = list.size() - 1; i >= 0; i--) {
                if (label.equals(list.get(i).path("Sid").asText(null))) {
                    list.remove(i);
                }
            }
        }
        return copy;
    }

    private static String principalArn(String partition, String account) {
        return account.equals("*") || account.startsWith("arn:") ? account
                : "arn:" + partition + ":iam::" + account + ":root";
    }
}
