package io.mailroom.sqs.api;

import io.mailroom.core.error.AwsException;
import io.mailroom.sqs.SqsErrors;
import java.util.List;
import java.util.Map;

/**
 * Queue tag limits: at most 50 tags, keys of 1 to 128 characters, values of up to 256, and neither may begin
 * with the prefix {@code aws:}, which AWS reserves for its own tags (those cannot be removed either).
 * https://docs.aws.amazon.com/AWSSimpleQueueService/latest/SQSDeveloperGuide/quotas-queues.html
 */
final class Tags {
    static final int MAX_TAGS = 50;
    private static final String RESERVED_PREFIX = "aws:";

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
            if (key.startsWith(RESERVED_PREFIX) || value.startsWith(RESERVED_PREFIX)) {
                throw reserved();
            }
        }
        if (tags.size() > MAX_TAGS) {
            throw SqsErrors.INVALID_PARAMETER_VALUE.exception("Too many tags added for queue %s.", queueName);
        }
    }

    /** UntagQueue: tags with the reserved prefix are AWS's, and cannot be removed. */
    static void requireRemovable(List<String> keys) {
        for (String key : keys) {
            if (key.startsWith(RESERVED_PREFIX)) {
                throw reserved();
            }
        }
    }

    private static AwsException reserved() {
        return SqsErrors.INVALID_PARAMETER_VALUE.exception(
                "Tag keys and values must not begin with the reserved prefix %s", RESERVED_PREFIX);
    }
}
