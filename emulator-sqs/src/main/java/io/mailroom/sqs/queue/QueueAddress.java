package io.mailroom.sqs.queue;

import io.mailroom.core.error.AwsException;
import io.mailroom.sqs.SqsErrors;

/** Where a queue lives: queues are isolated per account and region, and named uniquely within them. */
public record QueueAddress(String accountId, String region, String name) {

    public String arn() {
        return "arn:aws:sqs:" + region + ":" + accountId + ":" + name;
    }

    public String url(String endpoint) {
        return endpoint + "/" + accountId + "/" + name;
    }

    /**
     * Resolves a queue URL: the last two path segments are the owner account and the queue name; the region
     * is the caller's. SQS does not validate the host, and a URL it cannot make sense of is reported as a queue
     * that does not exist (see moto's parity notes, getmoto/moto#3657).
     */
    public static QueueAddress fromUrl(String url, String region) {
        if (url == null) {
            throw QueueAddress.noSuchQueue();
        }
        int end = url.length();
        while (end > 0 && url.charAt(end - 1) == '/') {
            end--;
        }
        int nameStart = url.lastIndexOf('/', end - 1) + 1;
        int accountStart = nameStart >= 2 ? url.lastIndexOf('/', nameStart - 2) + 1 : -1;
        if (nameStart <= 0 || accountStart <= 0 || nameStart == end) {
            throw QueueAddress.noSuchQueue();
        }
        String account = url.substring(accountStart, nameStart - 1);
        if (!isAccountId(account)) {
            throw QueueAddress.noSuchQueue();
        }
        return new QueueAddress(account, region, url.substring(nameStart, end));
    }

    /** Parses {@code arn:aws:sqs:region:account:name}; null when it is not an SQS queue ARN. */
    public static QueueAddress fromArn(String arn) {
        if (arn == null) {
            return null;
        }
        String[] parts = arn.split(":", -1);
        if (parts.length != 6 || !parts[0].equals("arn") || parts[1].isEmpty() || !parts[2].equals("sqs")
                || parts[3].isEmpty() || !isAccountId(parts[4]) || parts[5].isEmpty()) {
            return null;
        }
        return new QueueAddress(parts[4], parts[3], parts[5]);
    }

    private static boolean isAccountId(String s) {
        if (s.isEmpty() || s.length() > 12) {
            return false;
        }
        for (int i = 0; i < s.length(); i++) {
            if (s.charAt(i) < '0' || s.charAt(i) > '9') {
                return false;
            }
        }
        return true;
    }

    public static AwsException noSuchQueue() {
        // The Query protocol still says which API version it looked in (AWS's answers, recorded with boto3).
        return new AwsException(SqsErrors.QUEUE_DOES_NOT_EXIST, "The specified queue does not exist.",
                "The specified queue does not exist for this wsdl version.");
    }
}
