package io.mailroom.sqs.attribute;

import java.util.HashMap;
import java.util.Map;

/** The queue attributes SQS defines (QueueAttributeName in the model) and who may set them. */
public enum QueueAttribute {
    ALL("All", Access.PSEUDO),
    POLICY("Policy", Access.SETTABLE),
    VISIBILITY_TIMEOUT("VisibilityTimeout", Access.SETTABLE),
    MAXIMUM_MESSAGE_SIZE("MaximumMessageSize", Access.SETTABLE),
    MESSAGE_RETENTION_PERIOD("MessageRetentionPeriod", Access.SETTABLE),
    APPROXIMATE_NUMBER_OF_MESSAGES("ApproximateNumberOfMessages", Access.READ_ONLY),
    APPROXIMATE_NUMBER_OF_MESSAGES_NOT_VISIBLE("ApproximateNumberOfMessagesNotVisible", Access.READ_ONLY),
    CREATED_TIMESTAMP("CreatedTimestamp", Access.READ_ONLY),
    LAST_MODIFIED_TIMESTAMP("LastModifiedTimestamp", Access.READ_ONLY),
    QUEUE_ARN("QueueArn", Access.READ_ONLY),
    APPROXIMATE_NUMBER_OF_MESSAGES_DELAYED("ApproximateNumberOfMessagesDelayed", Access.READ_ONLY),
    DELAY_SECONDS("DelaySeconds", Access.SETTABLE),
    RECEIVE_MESSAGE_WAIT_TIME_SECONDS("ReceiveMessageWaitTimeSeconds", Access.SETTABLE),
    REDRIVE_POLICY("RedrivePolicy", Access.SETTABLE),
    FIFO_QUEUE("FifoQueue", Access.FIFO_ONLY),
    CONTENT_BASED_DEDUPLICATION("ContentBasedDeduplication", Access.FIFO_ONLY),
    KMS_MASTER_KEY_ID("KmsMasterKeyId", Access.SETTABLE),
    KMS_DATA_KEY_REUSE_PERIOD_SECONDS("KmsDataKeyReusePeriodSeconds", Access.SETTABLE),
    DEDUPLICATION_SCOPE("DeduplicationScope", Access.FIFO_ONLY),
    FIFO_THROUGHPUT_LIMIT("FifoThroughputLimit", Access.FIFO_ONLY),
    REDRIVE_ALLOW_POLICY("RedriveAllowPolicy", Access.SETTABLE),
    SQS_MANAGED_SSE_ENABLED("SqsManagedSseEnabled", Access.SETTABLE);

    /** Who may write the attribute. */
    public enum Access { PSEUDO, SETTABLE, READ_ONLY, FIFO_ONLY }

    private static final Map<String, QueueAttribute> BY_NAME = new HashMap<>();

    static {
        for (QueueAttribute a : values()) {
            BY_NAME.put(a.wireName, a);
        }
    }

    private final String wireName;
    private final Access access;

    QueueAttribute(String wireName, Access access) {
        this.wireName = wireName;
        this.access = access;
    }

    public String wireName() {
        return wireName;
    }

    public Access access() {
        return access;
    }

    /** The attribute of that exact (case-sensitive) name, or null. */
    public static QueueAttribute byName(String name) {
        return BY_NAME.get(name);
    }
}
