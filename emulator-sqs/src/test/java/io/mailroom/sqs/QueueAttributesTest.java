package io.mailroom.sqs;

import static io.mailroom.sqs.SqsHarness.assertError;
import static io.mailroom.sqs.SqsHarness.json;
import static io.mailroom.sqs.SqsHarness.obj;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import org.junit.jupiter.api.Test;

class QueueAttributesTest {
    private final SqsHarness h = new SqsHarness();
    private final String url = h.createQueue("attrs");

    private JsonNode all(String queueUrl) {
        ObjectNode in = obj().put("QueueUrl", queueUrl);
        in.putArray("AttributeNames").add("All");
        return h.call("GetQueueAttributes", in).get("Attributes");
    }

    private void set(String name, String value) {
        ObjectNode in = obj().put("QueueUrl", url);
        in.putObject("Attributes").put(name, value);
        h.call("SetQueueAttributes", in);
    }

    private void assertInvalid(String name, String value) {
        ObjectNode in = obj().put("QueueUrl", url);
        in.putObject("Attributes").put(name, value);
        assertError(h.error("SetQueueAttributes", in), SqsErrors.INVALID_ATTRIBUTE_VALUE,
                "Invalid value for the parameter " + name + ".");
    }

    @Test
    void defaultsOfAStandardQueue() {
        long now = h.clock.millis() / 1000;
        assertThat(all(url)).isEqualTo(json("{'QueueArn':'arn:aws:sqs:us-east-1:000000000000:attrs',"
                + "'ApproximateNumberOfMessages':'0','ApproximateNumberOfMessagesNotVisible':'0',"
                + "'ApproximateNumberOfMessagesDelayed':'0','CreatedTimestamp':'" + now + "',"
                + "'LastModifiedTimestamp':'" + now + "','VisibilityTimeout':'30','MaximumMessageSize':'1048576',"
                + "'MessageRetentionPeriod':'345600','DelaySeconds':'0','ReceiveMessageWaitTimeSeconds':'0',"
                + "'SqsManagedSseEnabled':'true'}"));
    }

    @Test
    void defaultsOfAFifoQueue() {
        JsonNode a = all(h.createFifo("f.fifo"));
        assertThat(a.get("FifoQueue").asText()).isEqualTo("true");
        assertThat(a.get("ContentBasedDeduplication").asText()).isEqualTo("false");
        assertThat(a.get("DeduplicationScope").asText()).isEqualTo("queue");
        assertThat(a.get("FifoThroughputLimit").asText()).isEqualTo("perQueue");
    }

    @Test
    void noAttributeNamesMeansNoAttributes() {
        assertThat(h.call("GetQueueAttributes", obj().put("QueueUrl", url)).has("Attributes")).isFalse();
        ObjectNode in = obj().put("QueueUrl", url);
        in.putArray("AttributeNames").add("Policy").add("VisibilityTimeout");
        assertThat(h.call("GetQueueAttributes", in).get("Attributes")).isEqualTo(json("{'VisibilityTimeout':'30'}"));
    }

    @Test
    void unknownAttributeNames() {
        ObjectNode in = obj().put("QueueUrl", url);
        in.putArray("AttributeNames").add("Color");
        assertError(h.error("GetQueueAttributes", in), SqsErrors.INVALID_ATTRIBUTE_NAME, "Unknown Attribute Color.");
        for (String name : new String[] {"Color", "QueueArn", "ApproximateNumberOfMessages", "All", "CreatedTimestamp",
                "ContentBasedDeduplication"}) {
            ObjectNode set = obj().put("QueueUrl", url);
            set.putObject("Attributes").put(name, "1");
            assertError(h.error("SetQueueAttributes", set), SqsErrors.INVALID_ATTRIBUTE_NAME, "Unknown Attribute " + name + ".");
        }
        ObjectNode scope = obj().put("QueueUrl", url);
        scope.putObject("Attributes").put("DeduplicationScope", "queue");
        assertError(h.error("SetQueueAttributes", scope), SqsErrors.INVALID_ATTRIBUTE_NAME,
                "You can specify the DeduplicationScope only when FifoQueue is set to true.");
        ObjectNode limit = obj().put("QueueUrl", url);
        limit.putObject("Attributes").put("FifoThroughputLimit", "perQueue");
        assertError(h.error("SetQueueAttributes", limit), SqsErrors.INVALID_ATTRIBUTE_NAME, "FifoThroughputLimit");
    }

    @Test
    void rangesOfTheNumericAttributes() {
        set("DelaySeconds", "900");
        assertInvalid("DelaySeconds", "901");
        assertInvalid("DelaySeconds", "-1");
        set("MaximumMessageSize", "1024");
        set("MaximumMessageSize", "1048576");
        assertInvalid("MaximumMessageSize", "1023");
        assertInvalid("MaximumMessageSize", "1048577");
        set("MessageRetentionPeriod", "60");
        set("MessageRetentionPeriod", "1209600");
        assertInvalid("MessageRetentionPeriod", "59");
        assertInvalid("MessageRetentionPeriod", "1209601");
        set("ReceiveMessageWaitTimeSeconds", "20");
        assertInvalid("ReceiveMessageWaitTimeSeconds", "21");
        set("VisibilityTimeout", "43200");
        assertInvalid("VisibilityTimeout", "43201");
        assertInvalid("VisibilityTimeout", "ten");
        set("KmsDataKeyReusePeriodSeconds", "60");
        assertInvalid("KmsDataKeyReusePeriodSeconds", "59");
        assertInvalid("KmsDataKeyReusePeriodSeconds", "86401");
        assertInvalid("SqsManagedSseEnabled", "maybe");
        assertInvalid("Policy", "{not json");
        assertThat(h.attribute(url, "VisibilityTimeout")).isEqualTo("43200");
    }

    @Test
    void setQueueAttributesUpdatesLastModified() {
        h.advanceSeconds(100);
        set("VisibilityTimeout", "10");
        assertThat(Long.parseLong(h.attribute(url, "LastModifiedTimestamp")))
                .isEqualTo(Long.parseLong(h.attribute(url, "CreatedTimestamp")) + 100);
    }

    @Test
    void encryptionAttributes() {
        set("KmsMasterKeyId", "alias/aws/sqs");
        assertThat(h.attribute(url, "KmsMasterKeyId")).isEqualTo("alias/aws/sqs");
        assertThat(h.attribute(url, "KmsDataKeyReusePeriodSeconds")).isEqualTo("300");
        assertThat(h.attribute(url, "SqsManagedSseEnabled")).isEqualTo("false");
        set("SqsManagedSseEnabled", "true");
        assertThat(h.attribute(url, "KmsMasterKeyId")).isNull();
        assertThat(h.attribute(url, "SqsManagedSseEnabled")).isEqualTo("true");
        assertError(h.error("SetQueueAttributes", "{'QueueUrl':'" + url + "','Attributes':{'KmsMasterKeyId':'testKeyId',"
                + "'SqsManagedSseEnabled':'true'}}"), SqsErrors.INVALID_ATTRIBUTE_NAME,
                "You can use one type of server-side encryption (SSE) at one time. You can either enable KMS SSE or SQS SSE.");
    }

    @Test
    void fifoAttributes() {
        String f = h.createFifo("x.fifo", "ContentBasedDeduplication", "true", "DeduplicationScope", "messageGroup",
                "FifoThroughputLimit", "perMessageGroupId");
        assertThat(h.attribute(f, "DeduplicationScope")).isEqualTo("messageGroup");
        assertThat(h.attribute(f, "FifoThroughputLimit")).isEqualTo("perMessageGroupId");
        assertThat(h.attribute(f, "ContentBasedDeduplication")).isEqualTo("true");
        ObjectNode bad = obj().put("QueueUrl", f);
        bad.putObject("Attributes").put("DeduplicationScope", "everything");
        assertError(h.error("SetQueueAttributes", bad), SqsErrors.INVALID_ATTRIBUTE_VALUE, "DeduplicationScope");
        ObjectNode type = obj().put("QueueUrl", f);
        type.putObject("Attributes").put("FifoQueue", "false");
        assertError(h.error("SetQueueAttributes", type), SqsErrors.INVALID_ATTRIBUTE_VALUE,
                "Modifying queue type is not supported.");
        ObjectNode toFifo = obj().put("QueueUrl", url);
        toFifo.putObject("Attributes").put("FifoQueue", "true");
        assertError(h.error("SetQueueAttributes", toFifo), SqsErrors.INVALID_ATTRIBUTE_NAME, "Unknown Attribute FifoQueue.");
        assertError(h.error("CreateQueue", "{'QueueName':'std','Attributes':{'ContentBasedDeduplication':'true'}}"),
                SqsErrors.INVALID_ATTRIBUTE_NAME, "Unknown Attribute ContentBasedDeduplication.");
    }

    @Test
    void tags() {
        h.call("TagQueue", "{'QueueUrl':'" + url + "','Tags':{'a':'1','b':''}}");
        h.call("TagQueue", "{'QueueUrl':'" + url + "','Tags':{'a':'2'}}");
        assertThat(h.call("ListQueueTags", obj().put("QueueUrl", url)).get("Tags")).isEqualTo(json("{'a':'2','b':''}"));
        h.call("UntagQueue", "{'QueueUrl':'" + url + "','TagKeys':['a','missing']}");
        assertThat(h.call("ListQueueTags", obj().put("QueueUrl", url)).get("Tags")).isEqualTo(json("{'b':''}"));
        h.call("UntagQueue", "{'QueueUrl':'" + url + "','TagKeys':['b']}");
        assertThat(h.call("ListQueueTags", obj().put("QueueUrl", url)).has("Tags")).isFalse();

        ObjectNode fifty = obj().put("QueueUrl", url);
        for (int i = 0; i < 50; i++) {
            fifty.withObject("/Tags").put("k" + i, "v");
        }
        h.call("TagQueue", fifty);
        assertError(h.error("TagQueue", "{'QueueUrl':'" + url + "','Tags':{'one-more':'v'}}"),
                SqsErrors.INVALID_PARAMETER_VALUE, "Too many tags added for queue attrs.");
        assertThat(h.call("ListQueueTags", obj().put("QueueUrl", url)).get("Tags")).hasSize(50);
        ObjectNode longKey = obj().put("QueueUrl", url);
        longKey.putObject("Tags").put("k".repeat(129), "v");
        assertError(h.error("TagQueue", longKey), SqsErrors.INVALID_PARAMETER_VALUE, "Tag keys");
        ObjectNode longValue = obj().put("QueueUrl", url);
        longValue.putObject("Tags").put("k0", "v".repeat(257));
        assertError(h.error("TagQueue", longValue), SqsErrors.INVALID_PARAMETER_VALUE, "Tag values");
        assertError(h.error("TagQueue", "{'QueueUrl':'" + url + "','Tags':{}}"), SqsErrors.MISSING_PARAMETER, "Tags");
    }

    @Test
    void aPolicyIsHeldToItsQuotas() {
        h.call("SetQueueAttributes", obj().put("QueueUrl", url).set("Attributes", obj().put("Policy", policy(20, 2, 0, 0))));
        assertPolicyRefused(policy(21, 1, 0, 0), "at most 20 statements");
        assertPolicyRefused(policy(2, 26, 0, 0), "at most 50 principals");
        h.call("SetQueueAttributes", obj().put("QueueUrl", url).set("Attributes", obj().put("Policy", policy(2, 25, 5, 0))));
        assertPolicyRefused(policy(1, 1, 11, 0), "at most 10 conditions");
        assertPolicyRefused(policy(1, 1, 0, 8_200), "at most 8192 bytes");

        ObjectNode add = obj().put("QueueUrl", url).put("Label", "one-more");
        add.putArray("AWSAccountIds").add("111122223333");
        add.putArray("Actions").add("SendMessage");
        assertError(h.error("AddPermission", add), SqsErrors.OVER_LIMIT, "at most 50 principals");
        h.call("SetQueueAttributes", obj().put("QueueUrl", url).set("Attributes", obj().put("Policy", policy(20, 1, 0, 0))));
        assertError(h.error("AddPermission", add), SqsErrors.OVER_LIMIT, "at most 20 statements");
    }

    @Test
    void aPolicyFollowsThePolicyGrammar() {
        String statement = "{\"Effect\":\"Allow\",\"Principal\":{\"Service\":\"sns.amazonaws.com\"},"
                + "\"Action\":\"sqs:SendMessage\",\"Resource\":\"arn:aws:sqs:us-east-1:000000000000:attrs\"}";
        h.call("SetQueueAttributes", obj().put("QueueUrl", url).set("Attributes", obj().put("Policy",
                "{\"Version\":\"2012-10-17\",\"Statement\":[" + statement + "]}")));
        h.call("SetQueueAttributes", obj().put("QueueUrl", url).set("Attributes", obj().put("Policy",
                "{\"Statement\":" + statement + "}")));
        for (String refused : List.of("{}", "{\"Version\":\"2012-10-17\",\"Statement\":[]}",
                "{\"Version\":\"1999-01-01\",\"Statement\":[" + statement + "]}",
                "{\"Statement\":[" + statement.replace("\"Allow\"", "\"Maybe\"") + "]}",
                "{\"Statement\":[" + statement.replace(",\"Resource\":\"arn:aws:sqs:us-east-1:000000000000:attrs\"", "") + "]}",
                "{\"Statement\":[" + statement.replace("\"Action\":\"sqs:SendMessage\",", "") + "]}",
                "{\"Statement\":[" + statement.replace("\"Principal\":{\"Service\":\"sns.amazonaws.com\"},", "") + "]}")) {
            assertError(h.error("SetQueueAttributes", obj().put("QueueUrl", url).set("Attributes", obj().put("Policy", refused))),
                    SqsErrors.INVALID_ATTRIBUTE_VALUE, "Invalid value for the parameter Policy.");
        }
    }

    private void assertPolicyRefused(String policy, String reason) {
        assertError(h.error("SetQueueAttributes", obj().put("QueueUrl", url).set("Attributes", obj().put("Policy", policy))),
                SqsErrors.INVALID_ATTRIBUTE_VALUE, reason);
    }

    /** {@code statements} statements of {@code principals} accounts each; conditions and padding in the first. */
    private static String policy(int statements, int principals, int conditions, int padding) {
        ObjectNode doc = obj().put("Version", "2012-10-17");
        com.fasterxml.jackson.databind.node.ArrayNode list = doc.putArray("Statement");
        for (int s = 0; s < statements; s++) {
            ObjectNode statement = list.addObject().put("Sid", "s" + s + "x".repeat(s == 0 ? padding : 0))
                    .put("Effect", "Allow").put("Action", "SQS:SendMessage").put("Resource", "*");
            com.fasterxml.jackson.databind.node.ArrayNode aws = statement.putObject("Principal").putArray("AWS");
            for (int p = 0; p < principals; p++) {
                aws.add(String.format("%012d", s * 100 + p));
            }
            if (s == 0 && conditions > 0) {
                ObjectNode equals = statement.putObject("Condition").putObject("StringEquals");
                for (int c = 0; c < conditions; c++) {
                    equals.put("aws:SourceAccount" + c, "x");
                }
            }
        }
        return doc.toString();
    }

    @Test
    void theAwsPrefixIsReservedInTagKeysAndValues() {
        assertError(h.error("TagQueue", "{'QueueUrl':'" + url + "','Tags':{'aws:cloudformation:stack-name':'s'}}"),
                SqsErrors.INVALID_PARAMETER_VALUE, "reserved prefix aws:");
        assertError(h.error("TagQueue", "{'QueueUrl':'" + url + "','Tags':{'owner':'aws:team'}}"),
                SqsErrors.INVALID_PARAMETER_VALUE, "reserved prefix aws:");
        assertError(h.error("CreateQueue", "{'QueueName':'reserved','tags':{'aws:x':'1'}}"),
                SqsErrors.INVALID_PARAMETER_VALUE, "reserved prefix aws:");
        assertError(h.error("UntagQueue", "{'QueueUrl':'" + url + "','TagKeys':['team','aws:x']}"),
                SqsErrors.INVALID_PARAMETER_VALUE, "reserved prefix aws:");
        h.call("TagQueue", "{'QueueUrl':'" + url + "','Tags':{'AWS-team':'x','team':'my aws: notes'}}");
        assertThat(h.call("ListQueueTags", obj().put("QueueUrl", url)).get("Tags")).isEqualTo(
                json("{'AWS-team':'x','team':'my aws: notes'}"));
    }

    @Test
    void permissionsAreStatementsOfThePolicy() {
        h.call("AddPermission", "{'QueueUrl':'" + url + "','Label':'AliceSend','AWSAccountIds':['111122223333'],"
                + "'Actions':['SendMessage']}");
        h.call("AddPermission", "{'QueueUrl':'" + url + "','Label':'Both','AWSAccountIds':['111122223333','444455556666'],"
                + "'Actions':['ReceiveMessage','DeleteMessage']}");
        JsonNode policy = json(h.attribute(url, "Policy").replace('"', '\''));
        assertThat(policy.get("Version").asText()).isEqualTo("2008-10-17");
        assertThat(policy.get("Id").asText()).isEqualTo("arn:aws:sqs:us-east-1:000000000000:attrs/SQSDefaultPolicy");
        JsonNode first = policy.get("Statement").get(0);
        assertThat(first).isEqualTo(json("{'Sid':'AliceSend','Effect':'Allow','Principal':{'AWS':"
                + "'arn:aws:iam::111122223333:root'},'Action':'SQS:SendMessage',"
                + "'Resource':'arn:aws:sqs:us-east-1:000000000000:attrs'}"));
        assertThat(policy.get("Statement").get(1).get("Action")).isEqualTo(json("{'a':['SQS:ReceiveMessage','SQS:DeleteMessage']}").get("a"));
        assertError(h.error("AddPermission", "{'QueueUrl':'" + url + "','Label':'Both','AWSAccountIds':['111122223333'],'Actions':['*']}"),
                SqsErrors.INVALID_PARAMETER_VALUE, "Value Both for parameter Label is invalid. Reason: Already exists.");
        assertError(h.error("AddPermission", "{'QueueUrl':'" + url + "','Label':'x','AWSAccountIds':['111122223333'],'Actions':['Fly']}"),
                SqsErrors.INVALID_PARAMETER_VALUE, "Value SQS:Fly for parameter ActionName is invalid.");
        assertError(h.error("AddPermission", "{'QueueUrl':'" + url + "','Label':'bad label','AWSAccountIds':['1'],'Actions':['*']}"),
                SqsErrors.INVALID_PARAMETER_VALUE, "Label");
        assertError(h.error("AddPermission", "{'QueueUrl':'" + url + "','Label':'x','AWSAccountIds':['111122223333'],"
                + "'Actions':['SendMessage','DeleteQueue']}"), SqsErrors.INVALID_PARAMETER_VALUE,
                "Value SQS:DeleteQueue for parameter ActionName is invalid. Reason: Only the queue owner is allowed to invoke this action.");
        assertError(h.error("AddPermission", "{'QueueUrl':'" + url + "','Label':'x',"
                + "'AWSAccountIds':['111122223333','arn:aws:iam::111122223333:role/r'],'Actions':['SendMessage']}"),
                SqsErrors.INVALID_PARAMETER_VALUE, "Value [111122223333, arn:aws:iam::111122223333:role/r] for parameter"
                + " PrincipalId is invalid. Reason: Unable to verify.");
        assertError(h.error("AddPermission", "{'QueueUrl':'" + url + "','Label':'x','AWSAccountIds':[],'Actions':['SendMessage']}"),
                SqsErrors.INVALID_PARAMETER_VALUE, "Value [] for parameter PrincipalId is invalid. Reason: Unable to verify.");
        h.call("RemovePermission", "{'QueueUrl':'" + url + "','Label':'AliceSend'}");
        assertThat(json(h.attribute(url, "Policy").replace('"', '\'')).get("Statement")).hasSize(1);
        assertError(h.error("RemovePermission", "{'QueueUrl':'" + url + "','Label':'AliceSend'}"),
                SqsErrors.INVALID_PARAMETER_VALUE,
                "Value AliceSend for parameter Label is invalid. Reason: can't find label on existing policy.");
        h.call("RemovePermission", "{'QueueUrl':'" + url + "','Label':'Both'}");
        assertThat(h.attribute(url, "Policy")).isNull();
        assertError(h.error("RemovePermission", "{'QueueUrl':'" + url + "','Label':'Both'}"),
                SqsErrors.INVALID_PARAMETER_VALUE, "Value Both for parameter Label is invalid. Reason: can't find label.");
    }
}
