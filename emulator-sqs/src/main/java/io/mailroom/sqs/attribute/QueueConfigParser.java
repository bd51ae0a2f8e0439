package io.mailroom.sqs.attribute;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.mailroom.core.error.AwsException;
import io.mailroom.sqs.SqsErrors;
import io.mailroom.sqs.permission.PolicyGrammar;
import io.mailroom.sqs.permission.PolicyQuota;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

/**
 * Validates a CreateQueue/SetQueueAttributes attribute map against a queue's current configuration and
 * yields the new one. Only checks that need nothing but the value itself live here; the dead-letter
 * target's existence and type are checked against the registry by the caller.
 */
public final class QueueConfigParser {

    private QueueConfigParser() {
    }

    /** Applies {@code attributes} on top of {@code base}; throws the AWS error for the first bad one. */
    public static QueueConfig apply(QueueConfig base, Map<String, String> attributes) {
        return apply(base, attributes, true);
    }

    /**
     * Applies saved attributes: as {@link #apply}, except that a policy over AWS's size and count quotas, or
     * outside its grammar, is kept. Builds before those were enforced saved such policies, and refusing them
     * would stop the server from starting with its data directory.
     */
    public static QueueConfig restore(QueueConfig base, Map<String, String> attributes) {
        return apply(base, attributes, false);
    }

    private static QueueConfig apply(QueueConfig base, Map<String, String> attributes, boolean policyQuotas) {
        Draft d = new Draft(base);
        boolean kmsGiven = false;
        boolean sseGiven = false;
        for (Map.Entry<String, String> e : attributes.entrySet()) {
            String name = e.getKey();
            String value = e.getValue() == null ? "" : e.getValue();
            QueueAttribute attribute = QueueAttribute.byName(name);
            if (attribute == null || attribute.access() == QueueAttribute.Access.PSEUDO
                    || attribute.access() == QueueAttribute.Access.READ_ONLY) {
                throw unknownAttribute(name);
            }
            if (attribute.access() == QueueAttribute.Access.FIFO_ONLY && !base.fifo()) {
                checkStandardQueueFifoAttribute(attribute, value);
                continue;
            }
            switch (attribute) {
                case DELAY_SECONDS -> d.delaySeconds = integer(name, value, 0, 900);
                case MAXIMUM_MESSAGE_SIZE -> d.maximumMessageSize = integer(name, value, 1024, QueueConfig.MAX_MESSAGE_SIZE);
                case MESSAGE_RETENTION_PERIOD -> d.messageRetentionPeriod = integer(name, value, 60, 1_209_600);
                case RECEIVE_MESSAGE_WAIT_TIME_SECONDS -> d.receiveMessageWaitTimeSeconds = integer(name, value, 0, 20);
                case VISIBILITY_TIMEOUT -> d.visibilityTimeout = integer(name, value, 0, QueueConfig.MAX_VISIBILITY_TIMEOUT);
                case POLICY -> d.policy = policy(value, policyQuotas);
                case REDRIVE_POLICY -> d.redrivePolicy = redrivePolicy(value);
                case REDRIVE_ALLOW_POLICY -> d.redriveAllowPolicy = redriveAllowPolicy(value);
                case KMS_MASTER_KEY_ID -> {
                    d.kmsMasterKeyId = value.isEmpty() ? null : value;
                    kmsGiven = true;
                }
                case KMS_DATA_KEY_REUSE_PERIOD_SECONDS -> d.kmsDataKeyReusePeriodSeconds = integer(name, value, 60, 86_400);
                case SQS_MANAGED_SSE_ENABLED -> {
                    d.sqsManagedSseEnabled = bool(name, value);
                    sseGiven = true;
                }
                case FIFO_QUEUE -> {
                    if (!bool(name, value)) {
                        throw SqsErrors.INVALID_ATTRIBUTE_VALUE.exception(
                                "Invalid value for the parameter FifoQueue. Reason: Modifying queue type is not supported.");
                    }
                }
                case CONTENT_BASED_DEDUPLICATION -> d.contentBasedDeduplication = bool(name, value);
                case DEDUPLICATION_SCOPE -> d.deduplicationScope = enumValue(name, DeduplicationScope.byName(value));
                case FIFO_THROUGHPUT_LIMIT -> d.fifoThroughputLimit = enumValue(name, FifoThroughputLimit.byName(value));
                default -> throw unknownAttribute(name);
            }
        }
        // SSE-KMS and SSE-SQS are exclusive: choosing one switches the other off.
        // https://docs.aws.amazon.com/AWSSimpleQueueService/latest/SQSDeveloperGuide/sqs-server-side-encryption.html
        if (kmsGiven && d.kmsMasterKeyId != null) {
            if (sseGiven && d.sqsManagedSseEnabled) {
                // AWS's code and text for this, recorded by boto3: InvalidAttributeName, not ...Value.
                throw SqsErrors.INVALID_ATTRIBUTE_NAME.exception("You can use one type of server-side encryption (SSE)"
                        + " at one time. You can either enable KMS SSE or SQS SSE.");
            }
            d.sqsManagedSseEnabled = false;
        } else if (sseGiven && d.sqsManagedSseEnabled) {
            d.kmsMasterKeyId = null;
        }
        // High throughput needs de-duplication per message group: "perMessageGroupId is allowed only when
        // the value for DeduplicationScope is messageGroup" (SetQueueAttributes, API reference).
        if (d.fifoThroughputLimit == FifoThroughputLimit.PER_MESSAGE_GROUP_ID
                && d.deduplicationScope == DeduplicationScope.QUEUE) {
            throw SqsErrors.INVALID_ATTRIBUTE_VALUE.exception("Invalid value for the parameter FifoThroughputLimit."
                    + " Reason: perMessageGroupId is allowed only when DeduplicationScope is messageGroup.");
        }
        return d.build();
    }

    /** Whether {@code value} says true ({@code FifoQueue} on CreateQueue decides the queue type). */
    public static boolean fifoRequested(Map<String, String> attributes) {
        String v = attributes.get(QueueAttribute.FIFO_QUEUE.wireName());
        return v != null && bool(QueueAttribute.FIFO_QUEUE.wireName(), v);
    }

    public static AwsException unknownAttribute(String name) {
        return SqsErrors.INVALID_ATTRIBUTE_NAME.exception("Unknown Attribute %s.", name);
    }

    private static void checkStandardQueueFifoAttribute(QueueAttribute attribute, String value) {
        switch (attribute) {
            case FIFO_QUEUE -> {
                // A standard queue has no FifoQueue attribute to set true (AWS's answer, recorded with boto3);
                // false is what CreateQueue of a standard queue may say.
                if (bool(attribute.wireName(), value)) {
                    throw unknownAttribute(attribute.wireName());
                }
            }
            case DEDUPLICATION_SCOPE, FIFO_THROUGHPUT_LIMIT -> throw SqsErrors.INVALID_ATTRIBUTE_NAME.exception(
                    "You can specify the %s only when FifoQueue is set to true.", attribute.wireName());
            default -> throw unknownAttribute(attribute.wireName());
        }
    }

    private static int integer(String name, String value, int min, int max) {
        int n;
        try {
            n = Integer.parseInt(value);
        } catch (NumberFormatException e) {
            throw invalidValue(name);
        }
        if (n < min || n > max) {
            throw invalidValue(name);
        }
        return n;
    }

    private static boolean bool(String name, String value) {
        if (value.equalsIgnoreCase("true")) {
            return true;
        }
        if (value.equalsIgnoreCase("false")) {
            return false;
        }
        throw invalidValue(name);
    }

    private static <T> T enumValue(String name, T value) {
        if (value == null) {
            throw invalidValue(name);
        }
        return value;
    }

    private static AwsException invalidValue(String name) {
        return SqsErrors.INVALID_ATTRIBUTE_VALUE.exception("Invalid value for the parameter %s.", name);
    }

    private static String policy(String value, boolean quotas) {
        if (value.isEmpty()) {
            return null;
        }
        JsonNode node = parseJson(value);
        if (node == null || !node.isObject() || quotas && !PolicyGrammar.isValid(node)) {
            throw invalidValue("Policy");
        }
        String exceeded = quotas ? PolicyQuota.exceeded(value, node) : null;
        if (exceeded != null) {
            throw SqsErrors.INVALID_ATTRIBUTE_VALUE.exception("Invalid value for the parameter Policy. Reason: %s.", exceeded);
        }
        return value;
    }

    private static RedrivePolicy redrivePolicy(String value) {
        if (value.isEmpty()) {
            return null;
        }
        JsonNode node = parseJson(value);
        if (node == null || !node.isObject()) {
            throw redriveError(value, "Redrive policy is not a valid JSON map.");
        }
        if (!onlyFields(node, "deadLetterTargetArn", "maxReceiveCount")) {
            throw redriveError(value, "Only following attributes are supported: [maxReceiveCount, deadLetterTargetArn].");
        }
        JsonNode arn = node.get("deadLetterTargetArn");
        if (arn == null || !arn.isTextual() || arn.asText().isEmpty()) {
            throw redriveError(value, "Redrive policy does not contain mandatory attribute: deadLetterTargetArn.");
        }
        JsonNode count = node.get("maxReceiveCount");
        if (count == null || count.isNull()) {
            throw redriveError(value, "Redrive policy does not contain mandatory attribute: maxReceiveCount.");
        }
        int maxReceiveCount;
        try {
            maxReceiveCount = count.isIntegralNumber() ? count.intValue() : Integer.parseInt(count.asText());
        } catch (NumberFormatException e) {
            maxReceiveCount = 0;
        }
        if (maxReceiveCount < 1 || maxReceiveCount > 1000) {
            throw redriveError(value, "Invalid value for maxReceiveCount: " + count.asText()
                    + ", valid values are from 1 to 1000 both inclusive.");
        }
        return new RedrivePolicy(arn.asText(), maxReceiveCount);
    }

    public static AwsException redriveError(String value, String reason) {
        return SqsErrors.INVALID_PARAMETER_VALUE.exception(
                "Value %s for parameter RedrivePolicy is invalid. Reason: %s", value, reason);
    }

    private static RedriveAllowPolicy redriveAllowPolicy(String value) {
        if (value.isEmpty()) {
            return null;
        }
        JsonNode node = parseJson(value);
        RedrivePermission permission = node != null && node.isObject()
                ? RedrivePermission.byName(node.path("redrivePermission").asText(null)) : null;
        if (permission == null || !onlyFields(node, "redrivePermission", "sourceQueueArns")) {
            throw redriveAllowError(value, "Amazon SQS can't create the redrive allow policy, as it's in an unsupported format.");
        }
        JsonNode arns = node.get("sourceQueueArns");
        List<String> sources = new ArrayList<>();
        if (arns != null) {
            if (permission != RedrivePermission.BY_QUEUE) {
                throw redriveAllowError(value, "Amazon SQS can't create the redrive allow policy. To specify"
                        + " sourceQueueArns, you must set redrivePermission to byQueue.");
            }
            if (!arns.isArray() || !allText(arns)) {
                throw redriveAllowError(value, "Amazon SQS can't create the redrive allow policy, as it's in an unsupported format.");
            }
            arns.forEach(a -> sources.add(a.asText()));
        }
        if (permission == RedrivePermission.BY_QUEUE) {
            if (sources.isEmpty()) {
                throw redriveAllowError(value, "Amazon SQS can't create the redrive allow policy. When you specify the"
                        + " byQueue permission type, you must also specify one or more sourceQueueArns values.");
            }
            if (sources.size() > RedriveAllowPolicy.MAX_SOURCE_QUEUE_ARNS) {
                throw redriveAllowError(value, "Amazon SQS can't create the redrive allow policy. The maximum number of"
                        + " source queue ARNs you can specify is 10. To allow more source queues, set redrivePermission"
                        + " to allowAll.");
            }
        }
        return new RedriveAllowPolicy(permission, sources);
    }

    /** Whether the JSON object names no field but these (AWS refuses a redrive policy with any other). */
    private static boolean onlyFields(JsonNode object, String first, String second) {
        for (Iterator<String> names = object.fieldNames(); names.hasNext(); ) {
            String name = names.next();
            if (!name.equals(first) && !name.equals(second)) {
                return false;
            }
        }
        return true;
    }

    private static boolean allText(JsonNode array) {
        for (JsonNode element : array) {
            if (!element.isTextual()) {
                return false;
            }
        }
        return true;
    }

    private static AwsException redriveAllowError(String value, String reason) {
        return SqsErrors.INVALID_PARAMETER_VALUE.exception(
                "Value %s for parameter RedriveAllowPolicy is invalid. Reason: %s", value, reason);
    }

    private static JsonNode parseJson(String value) {
        try {
            return Json.MAPPER.readTree(value);
        } catch (JsonProcessingException e) {
            return null;
        }
    }

    private static final class Draft {
        final boolean fifo;
        int delaySeconds;
        int maximumMessageSize;
        int messageRetentionPeriod;
        int receiveMessageWaitTimeSeconds;
        int visibilityTimeout;
        String policy;
        RedrivePolicy redrivePolicy;
        RedriveAllowPolicy redriveAllowPolicy;
        String kmsMasterKeyId;
        int kmsDataKeyReusePeriodSeconds;
        boolean sqsManagedSseEnabled;
        boolean contentBasedDeduplication;
        DeduplicationScope deduplicationScope;
        FifoThroughputLimit fifoThroughputLimit;

        Draft(QueueConfig c) {
            fifo = c.fifo();
            delaySeconds = c.delaySeconds();
            maximumMessageSize = c.maximumMessageSize();
            messageRetentionPeriod = c.messageRetentionPeriod();
            receiveMessageWaitTimeSeconds = c.receiveMessageWaitTimeSeconds();
            visibilityTimeout = c.visibilityTimeout();
            policy = c.policy();
            redrivePolicy = c.redrivePolicy();
            redriveAllowPolicy = c.redriveAllowPolicy();
            kmsMasterKeyId = c.kmsMasterKeyId();
            kmsDataKeyReusePeriodSeconds = c.kmsDataKeyReusePeriodSeconds();
            sqsManagedSseEnabled = c.sqsManagedSseEnabled();
            contentBasedDeduplication = c.contentBasedDeduplication();
            deduplicationScope = c.deduplicationScope();
            fifoThroughputLimit = c.fifoThroughputLimit();
        }

        QueueConfig build() {
            return new QueueConfig(fifo, delaySeconds, maximumMessageSize, messageRetentionPeriod,
                    receiveMessageWaitTimeSeconds, visibilityTimeout, policy, redrivePolicy, redriveAllowPolicy,
                    kmsMasterKeyId, kmsDataKeyReusePeriodSeconds, sqsManagedSseEnabled, contentBasedDeduplication,
                    deduplicationScope, fifoThroughputLimit);
        }
    }

    /**
     * Made with the first policy parsed, not with the first queue: an object mapper costs a fifth of a second
     * of CPU to set up, which most CreateQueue calls have no use for.
     */
    private static final class Json {
        static final ObjectMapper MAPPER = new ObjectMapper();
    }
}
