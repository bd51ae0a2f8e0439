package io.mailroom.it;

import static io.mailroom.it.Sqs.CLIENT;
import static io.mailroom.it.Sqs.assertGenericError;
import static io.mailroom.it.Sqs.assertQueueDoesNotExist;
import static io.mailroom.it.Sqs.assertSqsError;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.sqs.model.InvalidAttributeValueException;
import software.amazon.awssdk.services.sqs.model.OverLimitException;
import software.amazon.awssdk.services.sqs.model.QueueAttributeName;

/** TagQueue, UntagQueue, ListQueueTags, and AddPermission/RemovePermission as seen in the queue's Policy. */
class SqsTagsPermissionsIT {
    private static final String P = "SqsTagsPermissionsIT";
    private static final ObjectMapper JSON = new ObjectMapper();

    private static Map<String, String> tags(String url) {
        return CLIENT.listQueueTags(b -> b.queueUrl(url)).tags();
    }

    private static JsonNode policy(String url) throws Exception {
        String policy = Sqs.attributes(url, QueueAttributeName.POLICY).get(QueueAttributeName.POLICY);
        return policy == null ? null : JSON.readTree(policy);
    }

    // ---------------------------------------------------------------- tags

    @Test
    void tagsAreAddedOverwrittenListedAndRemoved() {
        String url = Sqs.create(Sqs.name(P));
        assertThat(tags(url)).isEmpty();

        CLIENT.tagQueue(b -> b.queueUrl(url).tags(Map.of("team", "mail", "cost-centre", "42")));
        CLIENT.tagQueue(b -> b.queueUrl(url).tags(Map.of("team", "post", "empty", "")));
        assertThat(tags(url)).isEqualTo(Map.of("team", "post", "cost-centre", "42", "empty", ""));

        CLIENT.untagQueue(b -> b.queueUrl(url).tagKeys("cost-centre", "not-there"));
        assertThat(tags(url)).isEqualTo(Map.of("team", "post", "empty", ""));
        CLIENT.untagQueue(b -> b.queueUrl(url).tagKeys("team", "empty"));
        assertThat(tags(url)).isEmpty();
    }

    @Test
    void aQueueHoldsAtMostFiftyTags() {
        String url = Sqs.create(Sqs.name(P));
        Map<String, String> fifty = new LinkedHashMap<>();
        for (int i = 0; i < 50; i++) {
            fifty.put("key" + i, "value" + i);
        }
        CLIENT.tagQueue(b -> b.queueUrl(url).tags(fifty));
        assertThat(tags(url)).hasSize(50);
        assertGenericError("InvalidParameterValue", () -> CLIENT.tagQueue(b -> b.queueUrl(url).tags(Map.of("one-more", "x"))));
        CLIENT.tagQueue(b -> b.queueUrl(url).tags(Map.of("key0", "overwriting is fine")));
        assertThat(tags(url)).hasSize(50).containsEntry("key0", "overwriting is fine");
    }

    @Test
    void tagKeysAndValuesHaveLengthLimits() {
        String url = Sqs.create(Sqs.name(P));
        CLIENT.tagQueue(b -> b.queueUrl(url).tags(Map.of("k".repeat(128), "v".repeat(256))));
        assertGenericError("InvalidParameterValue", () -> CLIENT.tagQueue(b -> b.queueUrl(url).tags(Map.of("k".repeat(129), "v"))));
        assertGenericError("InvalidParameterValue", () -> CLIENT.tagQueue(b -> b.queueUrl(url).tags(Map.of("k", "v".repeat(257)))));
        assertGenericError("InvalidParameterValue", () -> CLIENT.tagQueue(b -> b.queueUrl(url).tags(Map.of("", "v"))));
        assertGenericError("InvalidParameterValue", () -> CLIENT.createQueue(b -> b.queueName(Sqs.name(P))
                .tags(Map.of("k".repeat(129), "v"))));
        assertThat(tags(url)).hasSize(1);
    }

    @Test
    void theAwsPrefixIsReservedForAwsOwnTags() {
        String url = Sqs.create(Sqs.name(P));
        assertGenericError("InvalidParameterValue", () -> CLIENT.tagQueue(b -> b.queueUrl(url).tags(Map.of("aws:team", "v"))));
        assertGenericError("InvalidParameterValue", () -> CLIENT.tagQueue(b -> b.queueUrl(url).tags(Map.of("team", "aws:v"))));
        assertGenericError("InvalidParameterValue", () -> CLIENT.untagQueue(b -> b.queueUrl(url).tagKeys("aws:team")));
        assertGenericError("InvalidParameterValue", () -> CLIENT.createQueue(b -> b.queueName(Sqs.name(P))
                .tags(Map.of("aws:team", "v"))));
        assertThat(tags(url)).isEmpty();
    }

    @Test
    void tagOperationsOnAMissingQueueAreNonExistentQueue() {
        String missing = Sqs.missingQueueUrl();
        assertQueueDoesNotExist(() -> CLIENT.tagQueue(b -> b.queueUrl(missing).tags(Map.of("a", "b"))));
        assertQueueDoesNotExist(() -> CLIENT.untagQueue(b -> b.queueUrl(missing).tagKeys("a")));
        assertQueueDoesNotExist(() -> tags(missing));
    }

    // ---------------------------------------------------------------- permissions

    @Test
    void addPermissionAddsAStatementToThePolicy() throws Exception {
        String name = Sqs.name(P);
        String url = Sqs.create(name);
        assertThat(policy(url)).isNull();

        CLIENT.addPermission(b -> b.queueUrl(url).label("SendFromPartner").awsAccountIds("111122223333")
                .actions("SendMessage"));
        CLIENT.addPermission(b -> b.queueUrl(url).label("ReadersAll").awsAccountIds("111122223333", "444455556666")
                .actions("ReceiveMessage", "DeleteMessage", "GetQueueAttributes"));

        JsonNode policy = policy(url);
        assertThat(policy.path("Version").asText()).isEqualTo("2008-10-17");
        JsonNode statements = policy.path("Statement");
        assertThat(statements).hasSize(2);
        JsonNode send = statements.get(0);
        assertThat(send.path("Sid").asText()).isEqualTo("SendFromPartner");
        assertThat(send.path("Effect").asText()).isEqualTo("Allow");
        assertThat(send.path("Principal").path("AWS").asText()).isEqualTo("arn:aws:iam::111122223333:root");
        assertThat(send.path("Action").asText()).isEqualTo("SQS:SendMessage");
        assertThat(send.path("Resource").asText()).isEqualTo(Sqs.arn(name));
        JsonNode read = statements.get(1);
        assertThat(read.path("Sid").asText()).isEqualTo("ReadersAll");
        assertThat(read.path("Principal").path("AWS")).extracting(JsonNode::asText)
                .containsExactly("arn:aws:iam::111122223333:root", "arn:aws:iam::444455556666:root");
        assertThat(read.path("Action")).extracting(JsonNode::asText)
                .containsExactly("SQS:ReceiveMessage", "SQS:DeleteMessage", "SQS:GetQueueAttributes");
    }

    @Test
    void removePermissionRemovesTheLabelledStatement() throws Exception {
        String url = Sqs.create(Sqs.name(P));
        CLIENT.addPermission(b -> b.queueUrl(url).label("one").awsAccountIds("111122223333").actions("*"));
        CLIENT.addPermission(b -> b.queueUrl(url).label("two").awsAccountIds("111122223333").actions("SendMessage"));

        CLIENT.removePermission(b -> b.queueUrl(url).label("one"));
        assertThat(policy(url).path("Statement")).extracting(s -> s.path("Sid").asText()).containsExactly("two");
        CLIENT.removePermission(b -> b.queueUrl(url).label("two"));
        JsonNode after = policy(url);
        assertThat(after == null || after.path("Statement").isEmpty()).as("no statement left").isTrue();
        assertGenericError("InvalidParameterValue", () -> CLIENT.removePermission(b -> b.queueUrl(url).label("two")));
    }

    @Test
    void addPermissionValidatesItsParameters() {
        String url = Sqs.create(Sqs.name(P));
        CLIENT.addPermission(b -> b.queueUrl(url).label("taken").awsAccountIds("111122223333").actions("SendMessage"));
        assertGenericError("InvalidParameterValue", () -> CLIENT.addPermission(b -> b.queueUrl(url).label("taken")
                .awsAccountIds("111122223333").actions("SendMessage")));
        assertGenericError("InvalidParameterValue", () -> CLIENT.addPermission(b -> b.queueUrl(url).label("bad label!")
                .awsAccountIds("111122223333").actions("SendMessage")));
        assertGenericError("InvalidParameterValue", () -> CLIENT.addPermission(b -> b.queueUrl(url).label("unknown")
                .awsAccountIds("111122223333").actions("LaunchRocket")));
        assertSqsError(OverLimitException.class, "OverLimit", 403, () -> CLIENT.addPermission(b -> b.queueUrl(url)
                .label("eight").awsAccountIds("111122223333").actions(List.of("SendMessage", "ReceiveMessage",
                        "DeleteMessage", "ChangeMessageVisibility", "GetQueueAttributes", "GetQueueUrl",
                        "ListDeadLetterSourceQueues", "PurgeQueue"))));
        assertGenericError("MissingParameter", () -> CLIENT.addPermission(b -> b.queueUrl(url).label("noaccounts")
                .actions("SendMessage")));
        // Only an account can be granted, and only what another account may call.
        assertGenericError("InvalidParameterValue", () -> CLIENT.addPermission(b -> b.queueUrl(url).label("role")
                .awsAccountIds("arn:aws:iam::111122223333:role/r").actions("SendMessage")));
        assertGenericError("InvalidParameterValue", () -> CLIENT.addPermission(b -> b.queueUrl(url).label("owner")
                .awsAccountIds("111122223333").actions("SendMessage", "SetQueueAttributes")));
        assertGenericError("MissingParameter", () -> CLIENT.addPermission(b -> b.queueUrl(url).label("noactions")
                .awsAccountIds("111122223333")));
    }

    @Test
    void aPolicyHoldsAtMostTwentyStatements() {
        String url = Sqs.create(Sqs.name(P));
        for (int i = 0; i < 20; i++) {
            String label = "grant" + i;
            CLIENT.addPermission(b -> b.queueUrl(url).label(label).awsAccountIds("111122223333").actions("SendMessage"));
        }
        assertSqsError(OverLimitException.class, "OverLimit", 403, () -> CLIENT.addPermission(b -> b.queueUrl(url)
                .label("grant20").awsAccountIds("111122223333").actions("SendMessage")));

        String policy = CLIENT.getQueueAttributes(b -> b.queueUrl(url).attributeNames(QueueAttributeName.POLICY))
                .attributes().get(QueueAttributeName.POLICY);
        String oneMore = policy.replace("\"Statement\":[", "\"Statement\":[{\"Sid\":\"extra\",\"Effect\":\"Allow\","
                + "\"Principal\":\"*\",\"Action\":\"SQS:SendMessage\",\"Resource\":\"*\"},");
        assertSqsError(InvalidAttributeValueException.class, "InvalidAttributeValue", 400,
                () -> CLIENT.setQueueAttributes(b -> b.queueUrl(url).attributes(Map.of(QueueAttributeName.POLICY, oneMore))));
    }

    @Test
    void permissionOperationsOnAMissingQueueAreNonExistentQueue() {
        String missing = Sqs.missingQueueUrl();
        assertQueueDoesNotExist(() -> CLIENT.addPermission(b -> b.queueUrl(missing).label("l").awsAccountIds("111122223333")
                .actions("SendMessage")));
        assertQueueDoesNotExist(() -> CLIENT.removePermission(b -> b.queueUrl(missing).label("l")));
    }
}
