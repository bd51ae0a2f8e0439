package io.mailroom.sqs.api;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.mailroom.core.request.AccountId;
import io.mailroom.core.request.RequestContext;
import io.mailroom.sqs.SqsErrors;
import io.mailroom.sqs.permission.QueuePolicy;
import io.mailroom.sqs.queue.Queue;
import java.util.List;
import java.util.Set;

/** AddPermission and RemovePermission. */
public final class PermissionOperations {
    /** An SQS policy statement holds at most seven actions (AddPermission API reference). */
    static final int MAX_ACTIONS = 7;
    /**
     * The actions whose API reference says "Cross-account permissions don't apply to this action": only the
     * queue's owner may call them, so AddPermission cannot grant them.
     */
    private static final Set<String> OWNER_ONLY = Set.of("AddPermission", "CreateQueue", "DeleteQueue",
            "ListQueueTags", "ListQueues", "RemovePermission", "SetQueueAttributes", "TagQueue", "UntagQueue");

    private final QueueOperations queues;
    private final Set<String> actionNames;

    /** {@code actionNames}: the operations of the model, which (with "*") are the grantable actions. */
    public PermissionOperations(QueueOperations queues, Set<String> actionNames) {
        this.queues = queues;
        this.actionNames = actionNames;
    }

    public ObjectNode addPermission(RequestContext ctx, ObjectNode input) {
        Queue q = queues.resolve(ctx, input);
        String label = Inputs.requiredText(input, "Label");
        validateLabel(label);
        List<String> accounts = Inputs.strings(input, "AWSAccountIds");
        List<String> actions = Inputs.strings(input, "Actions");
        if (!input.has("AWSAccountIds")) {
            throw SqsErrors.MISSING_PARAMETER.exception("The request must contain the parameter AWSAccountIds.");
        }
        if (actions.isEmpty()) {
            throw SqsErrors.MISSING_PARAMETER.exception("The request must contain the parameter Actions.");
        }
        // "Amazon SQS AddPermission does not support adding a non-account principal" (AddPermission API reference).
        if (accounts.isEmpty() || !accounts.stream().allMatch(AccountId::isValid)) {
            throw SqsErrors.INVALID_PARAMETER_VALUE.exception(
                    "Value %s for parameter PrincipalId is invalid. Reason: Unable to verify.", accounts);
        }
        if (actions.size() > MAX_ACTIONS) {
            throw SqsErrors.OVER_LIMIT.exception("%d Actions were found, maximum allowed is %d.",
                    actions.size(), MAX_ACTIONS);
        }
        for (String action : actions) {
            if (!action.equals("*") && !actionNames.contains(action)) {
                throw SqsErrors.INVALID_PARAMETER_VALUE.exception("Value SQS:%s for parameter ActionName is invalid."
                        + " Reason: Please refer to the appropriate WSDL for a list of valid actions.", action);
            }
            if (OWNER_ONLY.contains(action)) {
                throw SqsErrors.INVALID_PARAMETER_VALUE.exception("Value SQS:%s for parameter ActionName is invalid."
                        + " Reason: Only the queue owner is allowed to invoke this action.", action);
            }
        }
        q.updateConfig(c -> c.withPolicy(QueuePolicy.addPermission(c.policy(), q.arn(), label, accounts, actions)));
        return JsonNodeFactory.instance.objectNode();
    }

    public ObjectNode removePermission(RequestContext ctx, ObjectNode input) {
        Queue q = queues.resolve(ctx, input);
        String label = Inputs.requiredText(input, "Label");
        q.updateConfig(c -> c.withPolicy(QueuePolicy.removePermission(c.policy(), q.arn(), label)));
        return JsonNodeFactory.instance.objectNode();
    }

    private static void validateLabel(String label) {
        boolean ok = !label.isEmpty() && label.length() <= 80;
        for (int i = 0; ok && i < label.length(); i++) {
            char c = label.charAt(i);
            ok = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '-' || c == '_';
        }
        if (!ok) {
            throw SqsErrors.INVALID_PARAMETER_VALUE.exception("Value %s for parameter Label is invalid. Reason: Can"
                    + " only include alphanumeric characters, hyphens, or underscores. 1 to 80 in length.", label);
        }
    }
}
