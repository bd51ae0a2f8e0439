package io.mailroom.sqs.attribute;

/**
 * A queue's configurable attributes, validated. Immutable: SetQueueAttributes swaps in a new one.
 * Defaults and ranges follow the SQS model documentation (sqs-2012-11-05.json, CreateQueue.Attributes).
 */
public record QueueConfig(
        boolean fifo,
        int delaySeconds,
        int maximumMessageSize,
        int messageRetentionPeriod,
        int receiveMessageWaitTimeSeconds,
        int visibilityTimeout,
        String policy,
        RedrivePolicy redrivePolicy,
        RedriveAllowPolicy redriveAllowPolicy,
        String kmsMasterKeyId,
        int kmsDataKeyReusePeriodSeconds,
        boolean sqsManagedSseEnabled,
        boolean contentBasedDeduplication,
        DeduplicationScope deduplicationScope,
        FifoThroughputLimit fifoThroughputLimit) {

    /** The documented maximum (and, since 2025, default) message size: 1 MiB. */
    public static final int MAX_MESSAGE_SIZE = 1_048_576;
    public static final int MAX_VISIBILITY_TIMEOUT = 43_200;

    public static QueueConfig defaults(boolean fifo) {
        return new QueueConfig(fifo, 0, MAX_MESSAGE_SIZE, 345_600, 0, 30, null, null, null, null, 300, true, false,
                fifo ? DeduplicationScope.QUEUE : null, fifo ? FifoThroughputLimit.PER_QUEUE : null);
    }

    public QueueConfig withPolicy(String newPolicy) {
        return new QueueConfig(fifo, delaySeconds, maximumMessageSize, messageRetentionPeriod,
                receiveMessageWaitTimeSeconds, visibilityTimeout, newPolicy, redrivePolicy, redriveAllowPolicy,
                kmsMasterKeyId, kmsDataKeyReusePeriodSeconds, sqsManagedSseEnabled, contentBasedDeduplication,
                deduplicationScope, fifoThroughputLimit);
    }

    /** The attribute as GetQueueAttributes shows it, or null when the queue does not have it. */
    public String value(QueueAttribute attribute) {
        return switch (attribute) {
            case POLICY -> policy;
            case VISIBILITY_TIMEOUT -> Integer.toString(visibilityTimeout);
            case MAXIMUM_MESSAGE_SIZE -> Integer.toString(maximumMessageSize);
            case MESSAGE_RETENTION_PERIOD -> Integer.toString(messageRetentionPeriod);
            case DELAY_SECONDS -> Integer.toString(delaySeconds);
            case RECEIVE_MESSAGE_WAIT_TIME_SECONDS -> Integer.toString(receiveMessageWaitTimeSeconds);
            case REDRIVE_POLICY -> redrivePolicy == null ? null : redrivePolicy.toJson();
            case REDRIVE_ALLOW_POLICY -> redriveAllowPolicy == null ? null : redriveAllowPolicy.toJson();
            case KMS_MASTER_KEY_ID -> kmsMasterKeyId;
            case KMS_DATA_KEY_REUSE_PERIOD_SECONDS ->
                    kmsMasterKeyId == null ? null : Integer.toString(kmsDataKeyReusePeriodSeconds);
            case SQS_MANAGED_SSE_ENABLED -> Boolean.toString(sqsManagedSseEnabled);
            case FIFO_QUEUE -> fifo ? "true" : null;
            case CONTENT_BASED_DEDUPLICATION -> fifo ? Boolean.toString(contentBasedDeduplication) : null;
            case DEDUPLICATION_SCOPE -> fifo ? deduplicationScope.wireName() : null;
            case FIFO_THROUGHPUT_LIMIT -> fifo ? fifoThroughputLimit.wireName() : null;
            default -> null;
        };
    }
}
