package io.mailroom.sns.subscription;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.mailroom.sns.MalformedJson;
import io.mailroom.sns.SnsErrors;
import io.mailroom.sns.arn.Arn;

/**
 * A subscription's RedrivePolicy: {@code {"deadLetterTargetArn": "arn:aws:sqs:..."}}, the SQS queue
 * that receives messages SNS could not deliver. https://docs.aws.amazon.com/sns/latest/dg/sns-dead-letter-queues.html
 */
public record RedrivePolicy(String deadLetterTargetArn) {
    private static final ObjectMapper JSON = new ObjectMapper();

    public static RedrivePolicy parse(String json) {
        JsonNode node;
        try {
            node = JSON.readTree(json);
        } catch (JsonProcessingException e) {
            throw SnsErrors.invalid("RedrivePolicy: " + MalformedJson.reason(e));
        }
        if (node == null || !node.isObject()) {
            throw SnsErrors.invalid("RedrivePolicy: must be a JSON object");
        }
        JsonNode target = node.get("deadLetterTargetArn");
        if (target == null || !target.isTextual()) {
            throw SnsErrors.invalid("RedrivePolicy: deadLetterTargetArn is missing");
        }
        var arn = Arn.parse(target.textValue());
        if (arn.isEmpty()) {
            // Recorded on AWS for "fake-arn".
            throw SnsErrors.invalid("RedrivePolicy: deadLetterTargetArn is an invalid arn");
        }
        if (!arn.get().service().equals("sqs")) {
            throw SnsErrors.invalid("RedrivePolicy: Invalid deadLetterTargetArn: " + target.textValue());
        }
        node.fieldNames().forEachRemaining(f -> {
            if (!f.equals("deadLetterTargetArn")) {
                throw SnsErrors.invalid("RedrivePolicy: Unknown field: " + f);
            }
        });
        return new RedrivePolicy(target.textValue());
    }
}
