package io.mailroom.sqs.api;

import io.mailroom.sqs.SqsErrors;

/**
 * MessageGroupId, MessageDeduplicationId and ReceiveRequestAttemptId: 1 to 128 alphanumeric or
 * punctuation characters (!"#$%&'()*+,-./:;<=>?@[\]^_`{|}~).
 */
final class FifoIds {
    private FifoIds() {
    }

    static void validate(String value, String parameter) {
        boolean ok = !value.isEmpty() && value.length() <= 128;
        for (int i = 0; ok && i < value.length(); i++) {
            char c = value.charAt(i);
            ok = c > 0x20 && c < 0x7F;
        }
        if (!ok) {
            throw SqsErrors.INVALID_PARAMETER_VALUE.exception("Value %s for parameter %s is invalid. Reason: %s can"
                    + " only include alphanumeric and punctuation characters. 1 to 128 in length.", value, parameter, parameter);
        }
    }
}
