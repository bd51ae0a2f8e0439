package io.mailroom.sqs.api;

import io.mailroom.sqs.SqsErrors;
import java.util.Map;

/**
 * Queue tag limits: at most 50 tags, keys of 1 to 128 characters, values of up to 256.
 * https://docs.aws.amazon.com/AWSSimpleQueueService/latest/SQSDeveloperGuide/quotas-queues.html
 */
final class Tags {
    static final int MAX_TAGS = 50;

    private Tags() {
    }

    static void validate(Map<String, String> tags, String queueName) {
        for (Map.Entry<String, String> e : tags.entrySet()) {
            String key = e.getKey();
            if (key.isEmpty() || key.length() > 128) {
                throw SqsErrors.INVALID_PARAMETER_VALUE.exception(
                        "Tag keys must be between 1 and 128 characters in length.");
            }
            String value = e.getValue() == null ? "" : e.getValue();
            if (value.length() > 256) {
                throw SqsErrors.INVALID_PARAMETER_VALUE.exception(
                        "Tag values must be between 0 and 256 characters in length.");
            }
        }
        if (tags.size() > MAX_TAGS) {
            throw SqsErrors.INVALID_PARAMETER_VALUE.exception("Too many tags added for queue %s.", queueName);
        }
    }
}
