package io.mailroom.sns.topic;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.mailroom.sns.SnsErrors;
import io.mailroom.sns.delivery.DeliveryPolicy;
import io.mailroom.sns.signing.SignatureVersion;
import java.util.Set;

/**
 * The topic attributes a client may set (CreateTopic, SetTopicAttributes) and their validation.
 * Read-only attributes (Owner, TopicArn, SubscriptionsConfirmed/Pending/Deleted, EffectiveDeliveryPolicy,
 * FifoTopic after creation) are refused as an unknown AttributeName, as AWS does.
 */
public final class TopicAttributes {
    public static final String DISPLAY_NAME = "DisplayName";
    public static final String POLICY = "Policy";
    public static final String DELIVERY_POLICY = "DeliveryPolicy";
    public static final String KMS_MASTER_KEY_ID = "KmsMasterKeyId";
    public static final String SIGNATURE_VERSION = "SignatureVersion";
    public static final String TRACING_CONFIG = "TracingConfig";
    public static final String FIFO_TOPIC = "FifoTopic";
    public static final String CONTENT_BASED_DEDUPLICATION = "ContentBasedDeduplication";
    public static final String FIFO_THROUGHPUT_SCOPE = "FifoThroughputScope";
    public static final String ARCHIVE_POLICY = "ArchivePolicy";
    /**
     * Payloads up to 1 MiB, 256 KiB by default
     * (<a href="https://docs.aws.amazon.com/sns/latest/dg/large-message-payloads.html">large message payloads</a>).
     */
    public static final String MAXIMUM_MESSAGE_SIZE = "MaximumMessageSize";
    public static final int DEFAULT_MAXIMUM_MESSAGE_SIZE = 262_144;
    private static final int LOWEST_MAXIMUM_MESSAGE_SIZE = 1_024;
    private static final int HIGHEST_MAXIMUM_MESSAGE_SIZE = 1_048_576;

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Set<String> FEEDBACK = Set.of(
            "HTTPSuccessFeedbackRoleArn", "HTTPSuccessFeedbackSampleRate", "HTTPFailureFeedbackRoleArn",
            "FirehoseSuccessFeedbackRoleArn", "FirehoseSuccessFeedbackSampleRate", "FirehoseFailureFeedbackRoleArn",
            "LambdaSuccessFeedbackRoleArn", "LambdaSuccessFeedbackSampleRate", "LambdaFailureFeedbackRoleArn",
            "ApplicationSuccessFeedbackRoleArn", "ApplicationSuccessFeedbackSampleRate",
            "ApplicationFailureFeedbackRoleArn", "SQSSuccessFeedbackRoleArn", "SQSSuccessFeedbackSampleRate",
            "SQSFailureFeedbackRoleArn");
    private static final Set<String> SETTABLE = Set.of(DISPLAY_NAME, POLICY, DELIVERY_POLICY, KMS_MASTER_KEY_ID,
            SIGNATURE_VERSION, TRACING_CONFIG, CONTENT_BASED_DEDUPLICATION, FIFO_THROUGHPUT_SCOPE, ARCHIVE_POLICY,
            MAXIMUM_MESSAGE_SIZE);

    private TopicAttributes() {
    }

    public static boolean isSettable(String name) {
        return SETTABLE.contains(name) || FEEDBACK.contains(name);
    }

    /**
     * Validates one attribute for a topic of the given kind and answers the value to store
     * (booleans normalised to lower case).
     */
    public static String validate(String name, String value, boolean fifo) {
        String v = value == null ? "" : value;
        switch (name) {
            case DISPLAY_NAME -> {
                if (v.length() > 100) {
                    throw SnsErrors.invalid("DisplayName Reason: DisplayName must be at most 100 characters long");
                }
                return v;
            }
            case POLICY -> {
                TopicPolicy.parse(v);
                return v;
            }
            case DELIVERY_POLICY -> {
                if (!v.isEmpty()) {
                    DeliveryPolicy.parseTopicPolicy(v);
                }
                return v;
            }
            case SIGNATURE_VERSION -> {
                if (SignatureVersion.parse(v).isEmpty()) {
                    throw SnsErrors.invalid("SignatureVersion");
                }
                return v;
            }
            case TRACING_CONFIG -> {
                if (!v.equals("PassThrough") && !v.equals("Active")) {
                    throw SnsErrors.invalid("TracingConfig: Invalid value [" + v + "] for TracingConfig");
                }
                return v;
            }
            case CONTENT_BASED_DEDUPLICATION -> {
                if (!fifo) {
                    throw SnsErrors.invalid("ContentBasedDeduplication Reason: Content based deduplication can only "
                            + "be set for FIFO topics");
                }
                return bool(name, v);
            }
            case FIFO_THROUGHPUT_SCOPE -> {
                if (!fifo) {
                    throw SnsErrors.invalid("FifoThroughputScope Reason: FifoThroughputScope can only be set for FIFO topics");
                }
                if (!v.equals("Topic") && !v.equals("MessageGroup")) {
                    throw SnsErrors.invalid("FifoThroughputScope Reason: Invalid value [" + v
                            + "]. Must be Topic or MessageGroup");
                }
                return v;
            }
            case ARCHIVE_POLICY -> {
                if (!fifo) {
                    throw SnsErrors.invalid("ArchivePolicy Reason: The ArchivePolicy attribute is only supported for FIFO topics");
                }
                if (v.isEmpty() || isEmptyObject(v)) {
                    return ""; // {} turns archiving off
                }
                archiveRetentionDays(v);
                return v;
            }
            case KMS_MASTER_KEY_ID -> {
                return v;
            }
            case MAXIMUM_MESSAGE_SIZE -> {
                return Integer.toString(maximumMessageSize(v));
            }
            default -> {
                if (name.endsWith("SampleRate")) {
                    try {
                        int rate = Integer.parseInt(v);
                        if (rate < 0 || rate > 100) {
                            throw new NumberFormatException();
                        }
                    } catch (NumberFormatException e) {
                        throw SnsErrors.invalid(name + ": Invalid value [" + v + "]. Must be an integer between 0 and 100");
                    }
                }
                return v;
            }
        }
    }

    /** A MaximumMessageSize value: a whole number of bytes from 1,024 to 1,048,576. */
    public static int maximumMessageSize(String value) {
        try {
            int size = Integer.parseInt(value.trim());
            if (size >= LOWEST_MAXIMUM_MESSAGE_SIZE && size <= HIGHEST_MAXIMUM_MESSAGE_SIZE) {
                return size;
            }
        } catch (NumberFormatException e) {
            // answered below
        }
        throw SnsErrors.invalid("MaximumMessageSize: Invalid value [" + value + "]. Must be an integer between "
                + LOWEST_MAXIMUM_MESSAGE_SIZE + " and " + HIGHEST_MAXIMUM_MESSAGE_SIZE);
    }

    /** The retention period of an ArchivePolicy ({@code {"MessageRetentionPeriod": "1".."365"}}). */
    public static int archiveRetentionDays(String json) {
        try {
            JsonNode node = JSON.readTree(json);
            JsonNode period = node == null ? null : node.get("MessageRetentionPeriod");
            if (period != null) {
                int days = Integer.parseInt(period.asText());
                if (days >= 1 && days <= 365) {
                    return days;
                }
            }
        } catch (Exception e) {
            // answered below
        }
        throw SnsErrors.invalid("ArchivePolicy Reason: MessageRetentionPeriod must be a number of days between 1 and 365");
    }

    private static boolean isEmptyObject(String json) {
        try {
            JsonNode node = JSON.readTree(json);
            return node != null && node.isObject() && node.isEmpty();
        } catch (JsonProcessingException e) {
            return false;
        }
    }

    private static String bool(String name, String v) {
        if (v.equalsIgnoreCase("true") || v.equalsIgnoreCase("false")) {
            return v.toLowerCase(java.util.Locale.ROOT);
        }
        throw SnsErrors.invalid(name + ": Invalid value [" + v + "]. Must be true or false.");
    }
}
