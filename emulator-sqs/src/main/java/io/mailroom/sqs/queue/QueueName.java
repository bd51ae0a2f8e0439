package io.mailroom.sqs.queue;

import io.mailroom.sqs.SqsErrors;

/**
 * Queue name rules: 1 to 80 characters (the {@code .fifo} suffix included) of alphanumerics, hyphens and
 * underscores; FIFO queue names, and only those, end with {@code .fifo}. Messages as in the SQS answers.
 */
public final class QueueName {
    private static final String FIFO_SUFFIX = ".fifo";

    private QueueName() {
    }

    public static boolean hasFifoSuffix(String name) {
        return name.endsWith(FIFO_SUFFIX);
    }

    public static void validate(String name, boolean fifo) {
        String base = name;
        if (fifo) {
            if (!hasFifoSuffix(name)) {
                throw fifoError();
            }
            base = name.substring(0, name.length() - FIFO_SUFFIX.length());
            if (base.isEmpty() || name.length() > 80 || !validChars(base)) {
                throw fifoError();
            }
            return;
        }
        if (base.isEmpty() || base.length() > 80 || !validChars(base)) {
            throw SqsErrors.INVALID_PARAMETER_VALUE.exception(
                    "Can only include alphanumeric characters, hyphens, or underscores. 1 to 80 in length");
        }
    }

    private static RuntimeException fifoError() {
        return SqsErrors.INVALID_PARAMETER_VALUE.exception("The name of a FIFO queue can only include alphanumeric "
                + "characters, hyphens, or underscores, must end with .fifo suffix and be 1 to 80 in length");
    }

    private static boolean validChars(String s) {
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            boolean ok = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '-' || c == '_';
            if (!ok) {
                return false;
            }
        }
        return true;
    }
}
