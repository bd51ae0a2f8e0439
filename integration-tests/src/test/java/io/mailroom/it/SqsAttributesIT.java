package io.mailroom.it;

import static io.mailroom.it.Sqs.CLIENT;
import static io.mailroom.it.Sqs.assertGenericError;
import static io.mailroom.it.Sqs.assertQueueDoesNotExist;
import static io.mailroom.it.Sqs.assertSqsError;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Duration;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import software.amazon.awssdk.services.sqs.model.GetQueueAttributesRequest;
import software.amazon.awssdk.services.sqs.model.InvalidAttributeNameException;
import software.amazon.awssdk.services.sqs.model.InvalidAttributeValueException;
import software.amazon.awssdk.services.sqs.model.QueueAttributeName;
import software.amazon.awssdk.services.sqs.model.SqsException;

/** GetQueueAttributes and SetQueueAttributes: every attribute, its default, its range and its errors. */
class SqsAttributesIT {
    private static final String P = "SqsAttributesIT";
    private static final ObjectMapper JSON = new ObjectMapper();

    private static Map<String, String> all(String url) {
        return CLIENT.getQueueAttributes(b -> b.queueUrl(url).attributeNames(QueueAttributeName.ALL))
                .attributesAsStrings();
    }

    private static void set(String url, QueueAttributeName name, String value) {
        CLIENT.setQueueAttributes(b -> b.queueUrl(url).attributes(Map.of(name, value)));
    }

    private static JsonNode json(String s) throws Exception {
        return JSON.readTree(s);
    }

    @Test
    void aStandardQueueHasTheDocumentedDefaults() {
        FrozenClock.clock().freeze();
        try {
            long now = FrozenClock.clock().millis() / 1000;
            String name = Sqs.name(P);
            String url = Sqs.create(name);
            Map<String, String> a = all(url);
            assertThat(a).containsOnlyKeys("QueueArn", "ApproximateNumberOfMessages",
                    "ApproximateNumberOfMessagesNotVisible", "ApproximateNumberOfMessagesDelayed", "CreatedTimestamp",
                    "LastModifiedTimestamp", "VisibilityTimeout", "MaximumMessageSize", "MessageRetentionPeriod",
                    "DelaySeconds", "ReceiveMessageWaitTimeSeconds", "SqsManagedSseEnabled");
            assertThat(a).containsEntry("QueueArn", Sqs.arn(name))
                    .containsEntry("ApproximateNumberOfMessages", "0")
                    .containsEntry("ApproximateNumberOfMessagesNotVisible", "0")
                    .containsEntry("ApproximateNumberOfMessagesDelayed", "0")
                    .containsEntry("CreatedTimestamp", Long.toString(now))
                    .containsEntry("LastModifiedTimestamp", Long.toString(now))
                    .containsEntry("VisibilityTimeout", "30")
                    .containsEntry("MaximumMessageSize", "1048576")
                    .containsEntry("MessageRetentionPeriod", "345600")
                    .containsEntry("DelaySeconds", "0")
                    .containsEntry("ReceiveMessageWaitTimeSeconds", "0")
                    .containsEntry("SqsManagedSseEnabled", "true");
        } finally {
            FrozenClock.clock().resetToSystem();
        }
    }

    @Test
    void aFifoQueueAddsItsOwnAttributes() {
        String name = Sqs.fifoName(P);
        Map<String, String> a = all(Sqs.createFifo(name, Map.of()));
        assertThat(a).containsEntry("QueueArn", Sqs.arn(name))
                .containsEntry("FifoQueue", "true")
                .containsEntry("ContentBasedDeduplication", "false")
                .containsEntry("DeduplicationScope", "queue")
                .containsEntry("FifoThroughputLimit", "perQueue")
                .containsEntry("VisibilityTimeout", "30");
    }

    @Test
    void getQueueAttributesAnswersOnlyWhatWasAskedFor() {
        String url = Sqs.create(Sqs.name(P));
        assertThat(CLIENT.getQueueAttributes(b -> b.queueUrl(url)).attributes()).isEmpty();
        assertThat(CLIENT.getQueueAttributes(b -> b.queueUrl(url).attributeNames(QueueAttributeName.DELAY_SECONDS,
                QueueAttributeName.VISIBILITY_TIMEOUT)).attributesAsStrings())
                .containsOnlyKeys("DelaySeconds", "VisibilityTimeout");
        assertThat(CLIENT.getQueueAttributes(b -> b.queueUrl(url).attributeNames(QueueAttributeName.POLICY,
                QueueAttributeName.REDRIVE_POLICY)).attributesAsStrings())
                .as("unset attributes are left out").isEmpty();
        assertThat(CLIENT.getQueueAttributes(b -> b.queueUrl(url).attributeNames(QueueAttributeName.FIFO_QUEUE))
                .attributesAsStrings()).as("a standard queue has no FifoQueue attribute").isEmpty();
    }

    @Test
    void getQueueAttributesRejectsUnknownNames() {
        String url = Sqs.create(Sqs.name(P));
        assertSqsError(InvalidAttributeNameException.class, "InvalidAttributeName", 400,
                () -> CLIENT.getQueueAttributes(GetQueueAttributesRequest.builder().queueUrl(url)
                        .attributeNamesWithStrings("VisibilityTimeout", "Colour").build()));
        assertSqsError(InvalidAttributeNameException.class, "InvalidAttributeName", 400,
                () -> CLIENT.getQueueAttributes(GetQueueAttributesRequest.builder().queueUrl(url)
                        .attributeNamesWithStrings("visibilitytimeout").build()));
    }

    @Test
    void attributesOfAMissingQueueAreNonExistentQueue() {
        String missing = Sqs.missingQueueUrl();
        assertQueueDoesNotExist(() -> Sqs.attributes(missing, QueueAttributeName.ALL));
        assertQueueDoesNotExist(() -> set(missing, QueueAttributeName.DELAY_SECONDS, "1"));
    }

    @Test
    void everySettableAttributeOfAStandardQueueCanBeChanged() throws Exception {
        String url = Sqs.create(Sqs.name(P));
        String dlq = Sqs.create(Sqs.name(P + "-dlq"));
        String dlqArn = Sqs.arnOf(dlq);
        String policy = "{\"Version\":\"2012-10-17\",\"Statement\":[{\"Sid\":\"s1\",\"Effect\":\"Allow\","
                + "\"Principal\":\"*\",\"Action\":\"sqs:SendMessage\",\"Resource\":\"" + Sqs.arnOf(url) + "\"}]}";
        CLIENT.setQueueAttributes(b -> b.queueUrl(url).attributes(Map.of(
                QueueAttributeName.DELAY_SECONDS, "900",
                QueueAttributeName.MAXIMUM_MESSAGE_SIZE, "1024",
                QueueAttributeName.MESSAGE_RETENTION_PERIOD, "1209600",
                QueueAttributeName.RECEIVE_MESSAGE_WAIT_TIME_SECONDS, "20",
                QueueAttributeName.VISIBILITY_TIMEOUT, "43200",
                QueueAttributeName.POLICY, policy,
                QueueAttributeName.REDRIVE_POLICY, "{\"deadLetterTargetArn\":\"" + dlqArn + "\",\"maxReceiveCount\":\"7\"}")));
        set(dlq, QueueAttributeName.REDRIVE_ALLOW_POLICY,
                "{\"redrivePermission\":\"byQueue\",\"sourceQueueArns\":[\"" + Sqs.arnOf(url) + "\"]}");

        Map<String, String> a = all(url);
        assertThat(a).containsEntry("DelaySeconds", "900")
                .containsEntry("MaximumMessageSize", "1024")
                .containsEntry("MessageRetentionPeriod", "1209600")
                .containsEntry("ReceiveMessageWaitTimeSeconds", "20")
                .containsEntry("VisibilityTimeout", "43200");
        assertThat(json(a.get("Policy"))).isEqualTo(json(policy));
        assertThat(json(a.get("RedrivePolicy")))
                .isEqualTo(json("{\"deadLetterTargetArn\":\"" + dlqArn + "\",\"maxReceiveCount\":7}"));
        assertThat(json(all(dlq).get("RedriveAllowPolicy"))).isEqualTo(
                json("{\"redrivePermission\":\"byQueue\",\"sourceQueueArns\":[\"" + Sqs.arnOf(url) + "\"]}"));

        set(url, QueueAttributeName.DELAY_SECONDS, "0");
        set(url, QueueAttributeName.MAXIMUM_MESSAGE_SIZE, "1048576");
        set(url, QueueAttributeName.MESSAGE_RETENTION_PERIOD, "60");
        set(url, QueueAttributeName.VISIBILITY_TIMEOUT, "0");
        set(url, QueueAttributeName.REDRIVE_POLICY, "");
        set(url, QueueAttributeName.POLICY, "");
        assertThat(all(url)).containsEntry("DelaySeconds", "0")
                .containsEntry("MaximumMessageSize", "1048576")
                .containsEntry("MessageRetentionPeriod", "60")
                .containsEntry("VisibilityTimeout", "0")
                .doesNotContainKeys("RedrivePolicy", "Policy");
    }

    @Test
    void kmsAndSqsManagedEncryptionAreExclusive() {
        String url = Sqs.create(Sqs.name(P));
        CLIENT.setQueueAttributes(b -> b.queueUrl(url).attributes(Map.of(
                QueueAttributeName.KMS_MASTER_KEY_ID, "alias/aws/sqs",
                QueueAttributeName.KMS_DATA_KEY_REUSE_PERIOD_SECONDS, "86400")));
        assertThat(all(url)).containsEntry("KmsMasterKeyId", "alias/aws/sqs")
                .containsEntry("KmsDataKeyReusePeriodSeconds", "86400")
                .containsEntry("SqsManagedSseEnabled", "false");

        set(url, QueueAttributeName.SQS_MANAGED_SSE_ENABLED, "true");
        assertThat(all(url)).containsEntry("SqsManagedSseEnabled", "true").doesNotContainKey("KmsMasterKeyId");

        set(url, QueueAttributeName.SQS_MANAGED_SSE_ENABLED, "false");
        assertThat(all(url)).containsEntry("SqsManagedSseEnabled", "false");

        String kms = Sqs.create(Sqs.name(P), Map.of(QueueAttributeName.KMS_MASTER_KEY_ID, "alias/my-key"));
        assertThat(all(kms)).containsEntry("KmsMasterKeyId", "alias/my-key")
                .containsEntry("KmsDataKeyReusePeriodSeconds", "300")
                .containsEntry("SqsManagedSseEnabled", "false");

        assertThat(assertSqsError(InvalidAttributeNameException.class, "InvalidAttributeName", 400,
                () -> CLIENT.setQueueAttributes(b -> b.queueUrl(url).attributes(Map.of(
                        QueueAttributeName.KMS_MASTER_KEY_ID, "alias/aws/sqs",
                        QueueAttributeName.SQS_MANAGED_SSE_ENABLED, "true")))).awsErrorDetails().errorMessage())
                .isEqualTo("You can use one type of server-side encryption (SSE) at one time."
                        + " You can either enable KMS SSE or SQS SSE.");
    }

    @Test
    void everySettableAttributeOfAFifoQueueCanBeChanged() {
        String url = Sqs.createFifo(Sqs.fifoName(P), Map.of());
        CLIENT.setQueueAttributes(b -> b.queueUrl(url).attributes(Map.of(
                QueueAttributeName.CONTENT_BASED_DEDUPLICATION, "true",
                QueueAttributeName.DEDUPLICATION_SCOPE, "messageGroup",
                QueueAttributeName.FIFO_THROUGHPUT_LIMIT, "perMessageGroupId")));
        assertThat(all(url)).containsEntry("ContentBasedDeduplication", "true")
                .containsEntry("DeduplicationScope", "messageGroup")
                .containsEntry("FifoThroughputLimit", "perMessageGroupId");
    }

    /**
     * "The perMessageGroupId value is allowed only when the value for DeduplicationScope is messageGroup"
     * (CreateQueue, Attributes).
     */
    @Test
    void perMessageGroupIdThroughputRequiresMessageGroupDeduplication() {
        String name = Sqs.fifoName(P);
        SqsException rejected = catchThrowableOfType(SqsException.class, () -> Sqs.createFifo(name,
                Map.of(QueueAttributeName.FIFO_THROUGHPUT_LIMIT, "perMessageGroupId")));
        assertThat(rejected).as("perMessageGroupId with the default DeduplicationScope=queue").isNotNull();
        assertThat(rejected.statusCode()).isEqualTo(400);
        assertThat(rejected.awsErrorDetails().errorCode()).isIn("InvalidAttributeValue", "InvalidParameterValue");
        assertQueueDoesNotExist(() -> CLIENT.getQueueUrl(b -> b.queueName(name)));

        String url = Sqs.createFifo(Sqs.fifoName(P), Map.of(QueueAttributeName.DEDUPLICATION_SCOPE, "messageGroup",
                QueueAttributeName.FIFO_THROUGHPUT_LIMIT, "perMessageGroupId"));
        SqsException narrowed = catchThrowableOfType(SqsException.class,
                () -> set(url, QueueAttributeName.DEDUPLICATION_SCOPE, "queue"));
        assertThat(narrowed).as("DeduplicationScope=queue while FifoThroughputLimit=perMessageGroupId").isNotNull();
        assertThat(all(url)).containsEntry("DeduplicationScope", "messageGroup");
    }

    @Test
    void setQueueAttributesUpdatesLastModifiedTimestamp() {
        FrozenClock.clock().freeze();
        try {
            String url = Sqs.create(Sqs.name(P));
            long created = FrozenClock.clock().millis() / 1000;
            FrozenClock.advance(Duration.ofSeconds(100));
            set(url, QueueAttributeName.VISIBILITY_TIMEOUT, "31");
            assertThat(all(url)).containsEntry("CreatedTimestamp", Long.toString(created))
                    .containsEntry("LastModifiedTimestamp", Long.toString(created + 100));
        } finally {
            FrozenClock.clock().resetToSystem();
        }
    }

    static Stream<Arguments> invalidValues() {
        return Stream.of(
                Arguments.of(QueueAttributeName.DELAY_SECONDS, "-1"),
                Arguments.of(QueueAttributeName.DELAY_SECONDS, "901"),
                Arguments.of(QueueAttributeName.DELAY_SECONDS, "ten"),
                Arguments.of(QueueAttributeName.MAXIMUM_MESSAGE_SIZE, "1023"),
                Arguments.of(QueueAttributeName.MAXIMUM_MESSAGE_SIZE, "1048577"),
                Arguments.of(QueueAttributeName.MESSAGE_RETENTION_PERIOD, "59"),
                Arguments.of(QueueAttributeName.MESSAGE_RETENTION_PERIOD, "1209601"),
                Arguments.of(QueueAttributeName.RECEIVE_MESSAGE_WAIT_TIME_SECONDS, "21"),
                Arguments.of(QueueAttributeName.RECEIVE_MESSAGE_WAIT_TIME_SECONDS, "-1"),
                Arguments.of(QueueAttributeName.VISIBILITY_TIMEOUT, "43201"),
                Arguments.of(QueueAttributeName.VISIBILITY_TIMEOUT, "-1"),
                Arguments.of(QueueAttributeName.KMS_DATA_KEY_REUSE_PERIOD_SECONDS, "59"),
                Arguments.of(QueueAttributeName.KMS_DATA_KEY_REUSE_PERIOD_SECONDS, "86401"),
                Arguments.of(QueueAttributeName.SQS_MANAGED_SSE_ENABLED, "yes"),
                Arguments.of(QueueAttributeName.POLICY, "not a policy"));
    }

    @ParameterizedTest(name = "{0}={1}")
    @MethodSource("invalidValues")
    void outOfRangeValuesAreInvalidAttributeValue(QueueAttributeName name, String value) {
        String url = Sqs.create(Sqs.name(P));
        assertSqsError(InvalidAttributeValueException.class, "InvalidAttributeValue", 400, () -> set(url, name, value));
        assertSqsError(InvalidAttributeValueException.class, "InvalidAttributeValue", 400,
                () -> Sqs.create(Sqs.name(P), Map.of(name, value)));
    }

    @Test
    void fifoSettingsOfAFifoQueueAreValidated() {
        String url = Sqs.createFifo(Sqs.fifoName(P), Map.of());
        assertSqsError(InvalidAttributeValueException.class, "InvalidAttributeValue", 400,
                () -> set(url, QueueAttributeName.FIFO_QUEUE, "false"));
        assertSqsError(InvalidAttributeValueException.class, "InvalidAttributeValue", 400,
                () -> set(url, QueueAttributeName.DEDUPLICATION_SCOPE, "everywhere"));
        assertSqsError(InvalidAttributeValueException.class, "InvalidAttributeValue", 400,
                () -> set(url, QueueAttributeName.FIFO_THROUGHPUT_LIMIT, "unlimited"));
        assertSqsError(InvalidAttributeValueException.class, "InvalidAttributeValue", 400,
                () -> set(url, QueueAttributeName.CONTENT_BASED_DEDUPLICATION, "maybe"));
    }

    @Test
    void unknownReadOnlyAndFifoOnlyNamesAreInvalidAttributeName() {
        String url = Sqs.create(Sqs.name(P));
        for (QueueAttributeName readOnly : new QueueAttributeName[] {QueueAttributeName.QUEUE_ARN,
                QueueAttributeName.APPROXIMATE_NUMBER_OF_MESSAGES, QueueAttributeName.CREATED_TIMESTAMP,
                QueueAttributeName.LAST_MODIFIED_TIMESTAMP, QueueAttributeName.ALL}) {
            assertSqsError(InvalidAttributeNameException.class, "InvalidAttributeName", 400,
                    () -> set(url, readOnly, "1"));
        }
        assertSqsError(InvalidAttributeNameException.class, "InvalidAttributeName", 400,
                () -> CLIENT.setQueueAttributes(b -> b.queueUrl(url).attributesWithStrings(Map.of("Colour", "red"))));
        assertSqsError(InvalidAttributeNameException.class, "InvalidAttributeName", 400,
                () -> set(url, QueueAttributeName.CONTENT_BASED_DEDUPLICATION, "true"));
        assertSqsError(InvalidAttributeNameException.class, "InvalidAttributeName", 400,
                () -> set(url, QueueAttributeName.DEDUPLICATION_SCOPE, "queue"));
        assertSqsError(InvalidAttributeNameException.class, "InvalidAttributeName", 400,
                () -> set(url, QueueAttributeName.FIFO_QUEUE, "true"));
        assertThat(all(url)).containsEntry("VisibilityTimeout", "30").doesNotContainKey("FifoQueue");
    }

    @Test
    void invalidRedrivePoliciesAreInvalidParameterValue() {
        String url = Sqs.create(Sqs.name(P));
        String dlqArn = Sqs.arnOf(Sqs.create(Sqs.name(P + "-dlq")));
        String fifoDlqArn = Sqs.arnOf(Sqs.createFifo(Sqs.fifoName(P + "-dlq"), Map.of()));
        for (String bad : new String[] {
                "not json",
                "{\"maxReceiveCount\":3}",
                "{\"deadLetterTargetArn\":\"" + dlqArn + "\"}",
                "{\"deadLetterTargetArn\":\"" + dlqArn + "\",\"maxReceiveCount\":0}",
                "{\"deadLetterTargetArn\":\"" + dlqArn + "\",\"maxReceiveCount\":1001}",
                "{\"deadLetterTargetArn\":\"" + Sqs.arn("no-such-dlq") + "\",\"maxReceiveCount\":3}",
                "{\"deadLetterTargetArn\":\"" + fifoDlqArn + "\",\"maxReceiveCount\":3}"}) {
            assertGenericError("InvalidParameterValue", () -> set(url, QueueAttributeName.REDRIVE_POLICY, bad));
        }
        assertThat(all(url)).doesNotContainKey("RedrivePolicy");
    }

    @Test
    void invalidRedriveAllowPoliciesAreInvalidParameterValue() {
        String url = Sqs.create(Sqs.name(P));
        for (String bad : new String[] {
                "not json",
                "{\"redrivePermission\":\"sometimes\"}",
                "{\"redrivePermission\":\"byQueue\"}",
                "{\"redrivePermission\":\"allowAll\",\"sourceQueueArns\":[\"" + Sqs.arn("a") + "\"]}"}) {
            assertGenericError("InvalidParameterValue", () -> set(url, QueueAttributeName.REDRIVE_ALLOW_POLICY, bad));
        }
        StringBuilder eleven = new StringBuilder("{\"redrivePermission\":\"byQueue\",\"sourceQueueArns\":[");
        for (int i = 0; i < 11; i++) {
            eleven.append(i == 0 ? "" : ",").append('"').append(Sqs.arn("source-" + i)).append('"');
        }
        String tooMany = eleven.append("]}").toString();
        assertGenericError("InvalidParameterValue", () -> set(url, QueueAttributeName.REDRIVE_ALLOW_POLICY, tooMany));
        set(url, QueueAttributeName.REDRIVE_ALLOW_POLICY, "{\"redrivePermission\":\"denyAll\"}");
        assertThat(all(url)).containsKey("RedriveAllowPolicy");
    }
}
