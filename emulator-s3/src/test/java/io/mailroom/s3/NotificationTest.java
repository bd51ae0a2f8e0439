package io.mailroom.s3;

import static io.mailroom.s3.S3Harness.bytes;
import static io.mailroom.s3.S3Harness.json;
import static io.mailroom.s3.S3Harness.obj;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.mailroom.core.request.RequestContext;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class NotificationTest {
    private static final String QUEUE = "arn:aws:sqs:us-east-1:000000000000:events";
    private static final String OTHER_QUEUE = "arn:aws:sqs:us-east-1:000000000000:other";
    private static final String TOPIC = "arn:aws:sns:us-east-1:000000000000:s3-events";
    private final S3Harness h = new S3Harness();

    @BeforeEach
    void setUp() {
        h.createBucket("mail");
        h.queues.existing.add(QUEUE);
        h.queues.existing.add(OTHER_QUEUE);
        h.topics.existing.add(TOPIC);
    }

    private ObjectNode configure(String configuration) {
        ObjectNode in = obj().put("Bucket", "mail");
        in.set("NotificationConfiguration", json(configuration));
        return in;
    }

    private void queueOn(String events, String filterRules) {
        String filter = filterRules == null ? "" : ",'Filter':{'Key':{'FilterRules':" + filterRules + "}}";
        h.call("PutBucketNotificationConfiguration", configure("{'QueueConfigurations':[{'Id':'q1','QueueArn':'" + QUEUE
                + "','Events':" + events + filter + "}]}"));
        h.queues.sent.clear();
    }

    @Test
    void putEventRecordInAwsFormat() {
        queueOn("['s3:ObjectCreated:*']", null);
        h.ctx = new RequestContext(S3Harness.ACCOUNT, "us-east-1", "REQ123", null);
        h.put("mail", "inbox/New Mail+1 é.eml", "hello");

        assertThat(h.queues.sent).hasSize(1);
        assertThat(h.queues.sent.get(0).getValue().senderId()).isEqualTo("AIDAJQR6QDGQ7PATMSYEY");
        JsonNode message = h.queues.bodies(QUEUE).get(0);
        JsonNode record = message.at("/Records/0");
        String principal = record.at("/userIdentity/principalId").asText();
        String sequencer = record.at("/s3/object/sequencer").asText();
        // The request's x-amz-id-2, as its response header carries it.
        String hostId = record.at("/responseElements/x-amz-id-2").asText();
        assertThat(principal).matches("A[0-9A-F]{13}");
        assertThat(sequencer).matches("[0-9A-F]{18}");
        assertThat(hostId).isEqualTo(io.mailroom.core.request.ExtendedRequestId.of("REQ123")).isEqualTo("UkVRMTIz");
        String expected = """
                {"Records":[{"eventVersion":"2.1","eventSource":"aws:s3","awsRegion":"us-east-1",
                "eventTime":"2024-05-01T10:00:00.250Z","eventName":"ObjectCreated:Put",
                "userIdentity":{"principalId":"%1$s"},"requestParameters":{"sourceIPAddress":"127.0.0.1"},
                "responseElements":{"x-amz-request-id":"REQ123","x-amz-id-2":"%3$s"},
                "s3":{"s3SchemaVersion":"1.0","configurationId":"q1",
                "bucket":{"name":"mail","ownerIdentity":{"principalId":"%1$s"},"arn":"arn:aws:s3:::mail"},
                "object":{"key":"inbox/New+Mail%%2B1+%%C3%%A9.eml","size":5,"eTag":"5d41402abc4b2a76b9719d911017c592",
                "sequencer":"%2$s"}}}]}""".formatted(principal, sequencer, hostId).replace("\n", "");
        assertThat(h.queues.sent.get(0).getValue().body()).isEqualTo(expected);
    }

    @Test
    void theRequestsTraceHeaderGoesToQueuesWithItsEvents() {
        queueOn("['s3:ObjectCreated:*']", null);
        String trace = "Root=1-3152b799-8954dae64eda91bc9a23a7e8;Parent=7fa8c0f79203be72;Sampled=1";
        h.ctx = new RequestContext(S3Harness.ACCOUNT, "us-east-1", "REQ-X", null, trace);
        h.put("mail", "traced", "x");
        h.ctx = new RequestContext(S3Harness.ACCOUNT, "us-east-1", "REQ-Y", null);
        h.put("mail", "untraced", "x");
        assertThat(h.queues.sent).extracting(s -> s.getValue().traceHeader()).containsExactly(trace, null);
    }

    @Test
    void removalEventsCarryNoSizeOrEtagAndSequencersIncreasePerKey() {
        queueOn("['s3:ObjectCreated:Put','s3:ObjectRemoved:*']", null);
        h.put("mail", "k", "one");
        h.put("mail", "k", "two");
        h.call("DeleteObject", obj().put("Bucket", "mail").put("Key", "k"));
        // Deleting what is not there raises nothing.
        h.call("DeleteObject", obj().put("Bucket", "mail").put("Key", "k"));
        List<JsonNode> events = h.queues.bodies(QUEUE);
        assertThat(events).extracting(e -> e.at("/Records/0/eventName").asText())
                .containsExactly("ObjectCreated:Put", "ObjectCreated:Put", "ObjectRemoved:Delete");
        JsonNode removed = events.get(2).at("/Records/0/s3/object");
        assertThat(removed.has("size")).isFalse();
        assertThat(removed.has("eTag")).isFalse();
        assertThat(removed.get("key").asText()).isEqualTo("k");
        List<String> sequencers = events.stream().map(e -> e.at("/Records/0/s3/object/sequencer").asText()).toList();
        assertThat(sequencers).isSorted().doesNotHaveDuplicates();
    }

    @Test
    void copyAndBatchDeleteRaiseTheirEvents() {
        queueOn("['s3:ObjectCreated:Copy','s3:ObjectRemoved:Delete']", null);
        h.put("mail", "a", "x");
        h.call("CopyObject", obj().put("Bucket", "mail").put("Key", "b").put("CopySource", "mail/a"));
        h.call("DeleteObjects", json("{'Bucket':'mail','Delete':{'Objects':[{'Key':'a'},{'Key':'b'},{'Key':'c'},"
                + "{'Key':'a','ETag':'\\\"0000\\\"'}]}}"));
        // A batch delete notifies every key it names, 'c' too, which held no object; not one whose ETag failed.
        List<JsonNode> events = h.queues.bodies(QUEUE);
        assertThat(events).extracting(e -> e.at("/Records/0/eventName").asText() + " "
                + e.at("/Records/0/s3/object/key").asText())
                .containsExactly("ObjectCreated:Copy b", "ObjectRemoved:Delete a", "ObjectRemoved:Delete b",
                        "ObjectRemoved:Delete c");
        assertThat(events.get(3).at("/Records/0/s3/object").toString())
                .matches("\\{\"key\":\"c\",\"sequencer\":\"[0-9A-F]{18}\"}");
    }

    @Test
    void tagAndAclChangesAreVersion23RecordsOfKeyAndETagOnly() {
        h.call("CreateBucket", obj().put("Bucket", "acls").put("ObjectOwnership", "ObjectWriter"));
        h.call("PutBucketNotificationConfiguration", obj().put("Bucket", "acls").set("NotificationConfiguration",
                json("{'QueueConfigurations':[{'Id':'meta','QueueArn':'" + QUEUE + "','Events':['s3:ObjectTagging:*',"
                        + "'s3:ObjectAcl:Put']}]}")));
        h.queues.sent.clear();
        h.put("acls", "k", "FooBarBlitz");
        ObjectNode tagging = obj().put("Bucket", "acls").put("Key", "k");
        tagging.putObject("Tagging").putArray("TagSet").addObject().put("Key", "swallow_type").put("Value", "african");
        h.call("PutObjectTagging", tagging);
        h.call("DeleteObjectTagging", obj().put("Bucket", "acls").put("Key", "k"));
        // Setting the ACL the object already has (its owner's full control) changes nothing and raises nothing.
        h.call("PutObjectAcl", obj().put("Bucket", "acls").put("Key", "k").put("ACL", "private"));
        h.call("PutObjectAcl", obj().put("Bucket", "acls").put("Key", "k").put("ACL", "public-read"));
        h.call("PutObjectAcl", obj().put("Bucket", "acls").put("Key", "k").put("ACL", "public-read"));
        h.call("PutObjectAcl", obj().put("Bucket", "acls").put("Key", "k")
                .put("GrantRead", "uri=\"http://acs.amazonaws.com/groups/s3/LogDelivery\""));

        List<JsonNode> events = h.queues.bodies(QUEUE);
        assertThat(events).extracting(e -> e.at("/Records/0/eventName").asText())
                .containsExactly("ObjectTagging:Put", "ObjectTagging:Delete", "ObjectAcl:Put", "ObjectAcl:Put");
        for (JsonNode e : events) {
            assertThat(e.at("/Records/0/eventVersion").asText()).isEqualTo("2.3");
            assertThat(e.at("/Records/0/s3/configurationId").asText()).isEqualTo("meta");
            assertThat(e.at("/Records/0/s3/object").toString())
                    .isEqualTo("{\"key\":\"k\",\"eTag\":\"f3e6da48d914f3f04f6bd9cb092c044d\"}");
        }
    }

    @Test
    void prefixAndSuffixFilters() {
        queueOn("['s3:ObjectCreated:*']", "[{'Name':'prefix','Value':'inbox/'},{'Name':'Suffix','Value':'.eml'}]");
        h.put("mail", "inbox/1.eml", "x");
        h.put("mail", "inbox/1.txt", "x");
        h.put("mail", "outbox/1.eml", "x");
        assertThat(h.queues.bodies(QUEUE)).extracting(e -> e.at("/Records/0/s3/object/key").asText())
                .containsExactly("inbox/1.eml");
        JsonNode rules = h.call("GetBucketNotificationConfiguration", obj().put("Bucket", "mail"))
                .at("/QueueConfigurations/0/Filter/Key/FilterRules");
        assertThat(rules.toString()).isEqualTo("[{\"Name\":\"Prefix\",\"Value\":\"inbox/\"},{\"Name\":\"Suffix\",\"Value\":\".eml\"}]");
    }

    @Test
    void settingAConfigurationSendsOneTestEventPerDestination() {
        h.ctx = new RequestContext(S3Harness.ACCOUNT, "us-east-1", "REQ-T", null);
        h.call("PutBucketNotificationConfiguration", configure("{'QueueConfigurations':["
                + "{'QueueArn':'" + QUEUE + "','Events':['s3:ObjectCreated:*']},"
                + "{'QueueArn':'" + QUEUE + "','Events':['s3:ObjectRemoved:*'],"
                + "'Filter':{'Key':{'FilterRules':[{'Name':'prefix','Value':'inbox/'}]}}}],"
                + "'TopicConfigurations':[{'TopicArn':'" + TOPIC + "','Events':['s3:ObjectRemoved:Delete'],"
                + "'Filter':{'Key':{'FilterRules':[{'Name':'prefix','Value':'x/'}]}}}]}"));
        assertThat(h.queues.sent).hasSize(1);
        String expected = "{\"Service\":\"Amazon S3\",\"Event\":\"s3:TestEvent\",\"Time\":\"2024-05-01T10:00:00.250Z\","
                + "\"Bucket\":\"mail\",\"RequestId\":\"REQ-T\",\"HostId\":\"%s\"}";
        assertThat(h.queues.sent.get(0).getValue().body()).isEqualTo(expected.formatted("UkVRLVQ="));
        assertThat(h.topics.published).hasSize(1);
        assertThat(h.topics.published.get(0).subject()).isEqualTo("Amazon S3 Notification");
        assertThat(h.topics.published.get(0).message()).contains("\"Event\":\"s3:TestEvent\"");

        ObjectNode got = h.call("GetBucketNotificationConfiguration", obj().put("Bucket", "mail"));
        assertThat(got.get("QueueConfigurations")).hasSize(2);
        assertThat(got.at("/QueueConfigurations/0/Id").asText()).isNotEmpty()
                .isNotEqualTo(got.at("/QueueConfigurations/1/Id").asText());
        assertThat(got.at("/TopicConfigurations/0/TopicArn").asText()).isEqualTo(TOPIC);
        assertThat(got.at("/TopicConfigurations/0/Events/0").asText()).isEqualTo("s3:ObjectRemoved:Delete");

        h.topics.published.clear();
        h.put("mail", "x/1", "x");
        h.call("DeleteObject", obj().put("Bucket", "mail").put("Key", "x/1"));
        assertThat(h.topics.published).hasSize(1);
        assertThat(h.topics.published.get(0).message()).contains("\"eventName\":\"ObjectRemoved:Delete\"");
    }

    @Test
    void anEmptyConfigurationTurnsNotificationsOff() {
        queueOn("['s3:ObjectCreated:*']", null);
        h.call("PutBucketNotificationConfiguration", configure("{}"));
        assertThat(h.queues.sent).isEmpty();
        h.put("mail", "k", "v");
        assertThat(h.queues.sent).isEmpty();
        assertThat(h.call("GetBucketNotificationConfiguration", obj().put("Bucket", "mail"))).isEmpty();
    }

    @Test
    void destinationsMustExistBeStandardQueuesAndShareTheBucketsRegion() {
        String missing = "arn:aws:sqs:us-east-1:000000000000:missing";
        String fifo = "arn:aws:sqs:us-east-1:000000000000:f.fifo";
        String elsewhere = "arn:aws:sqs:eu-west-1:000000000000:events";
        h.queues.existing.add(fifo);
        h.queues.fifo.add(fifo);
        h.queues.existing.add(elsewhere);
        Map<String, String> reasons = Map.of(missing, "The destination queue does not exist",
                elsewhere, "The destination queue does not exist", TOPIC, "The destination queue does not exist",
                fifo, "Permissions on the destination queue do not allow S3 to publish notifications from this bucket");
        reasons.forEach((arn, reason) -> {
            var e = h.error("PutBucketNotificationConfiguration", configure("{'QueueConfigurations':[{'QueueArn':'"
                    + arn + "','Events':['s3:ObjectCreated:*']}]}"));
            assertThat(e.error()).isEqualTo(S3Errors.INVALID_ARGUMENT);
            assertThat(e.getMessage()).isEqualTo("Unable to validate the following destination configurations");
            assertThat(e.details()).containsExactly(Map.entry("ArgumentName1", arn), Map.entry("ArgumentValue1", reason));
        });
        String noTopic = "arn:aws:sns:us-east-1:000000000000:none";
        assertThat(h.error("PutBucketNotificationConfiguration", configure("{'TopicConfigurations':[{'TopicArn':'"
                + noTopic + "','Events':['s3:ObjectCreated:*']}]}")).details())
                .containsExactly(Map.entry("ArgumentName1", noTopic),
                        Map.entry("ArgumentValue1", "The destination topic does not exist"));
        // Nothing was stored, and no test event sent.
        assertThat(h.call("GetBucketNotificationConfiguration", obj().put("Bucket", "mail"))).isEmpty();
        assertThat(h.queues.sent).isEmpty();
        // Unless the request asks to skip the check.
        ObjectNode skip = configure("{'QueueConfigurations':[{'QueueArn':'" + missing + "','Events':['s3:ObjectCreated:*']}]}");
        h.call("PutBucketNotificationConfiguration", skip.put("SkipDestinationValidation", true));
        assertThat(h.call("GetBucketNotificationConfiguration", obj().put("Bucket", "mail"))
                .at("/QueueConfigurations/0/QueueArn").asText()).isEqualTo(missing);
    }

    @Test
    void everyDestinationThatFailsIsNamedOnceAndNumbered() {
        String one = "arn:aws:sqs:us-east-1:000000000000:my-queue";
        String two = "arn:aws:sqs:us-east-1:000000000000:my-queue-2";
        var e = h.error("PutBucketNotificationConfiguration", configure("{'QueueConfigurations':["
                + "{'Id':'id1','QueueArn':'" + one + "','Events':['s3:ObjectCreated:*']},"
                + "{'Id':'id2','QueueArn':'" + QUEUE + "','Events':['s3:ObjectTagging:*']},"
                + "{'Id':'id3','QueueArn':'" + two + "','Events':['s3:ObjectRemoved:*']},"
                + "{'Id':'id4','QueueArn':'" + one + "','Events':['s3:ObjectAcl:Put']}]}"));
        assertThat(e.getMessage()).isEqualTo("Unable to validate the following destination configurations");
        assertThat(e.details()).containsExactly(
                Map.entry("ArgumentName1", one), Map.entry("ArgumentValue1", "The destination queue does not exist"),
                Map.entry("ArgumentName2", two), Map.entry("ArgumentValue2", "The destination queue does not exist"));
    }

    @Test
    void anArnThatDoesNotParseIsRefusedFirstEvenWhenValidationIsSkipped() {
        for (boolean skip : new boolean[] {false, true}) {
            ObjectNode queue = configure("{'QueueConfigurations':[{'Id':'id1','QueueArn':'invalid-queue',"
                    + "'Events':['s3:ObjectCreated:*']}]}");
            var e = h.error("PutBucketNotificationConfiguration", queue.put("SkipDestinationValidation", skip));
            assertThat(e.error()).isEqualTo(S3Errors.INVALID_ARGUMENT);
            assertThat(e.getMessage()).isEqualTo("The ARN could not be parsed");
            assertThat(e.details()).containsExactly(Map.entry("ArgumentName", "Queue"),
                    Map.entry("ArgumentValue", "invalid-queue"));
            ObjectNode topic = configure("{'TopicConfigurations':[{'TopicArn':'invalid-topic',"
                    + "'Events':['s3:ObjectCreated:*']}]}");
            assertThat(h.error("PutBucketNotificationConfiguration", topic.put("SkipDestinationValidation", skip))
                    .details()).containsExactly(Map.entry("ArgumentName", "Topic"),
                    Map.entry("ArgumentValue", "invalid-topic"));
        }
        // The form of every configuration is checked before any destination is looked up.
        var e = h.error("PutBucketNotificationConfiguration", configure("{'QueueConfigurations':["
                + "{'QueueArn':'arn:aws:sqs:us-east-1:000000000000:my-queue','Events':['s3:ObjectCreated:*']},"
                + "{'QueueArn':'invalid_arn_2','Events':['s3:ObjectRemoved:*']}]}"));
        assertThat(e.getMessage()).isEqualTo("The ARN could not be parsed");
        assertThat(e.details()).containsEntry("ArgumentValue", "invalid_arn_2");
    }

    @Test
    void lambdaFunctionsAreRefusedAsFunctionsS3MayNotInvoke() {
        String function = "arn:aws:lambda:us-east-1:000000000000:function:f";
        for (boolean skip : new boolean[] {false, true}) {
            ObjectNode in = configure("{'QueueConfigurations':[{'QueueArn':'" + QUEUE + "','Events':['s3:ObjectCreated:*']}],"
                    + "'LambdaFunctionConfigurations':[{'LambdaFunctionArn':'" + function + "',"
                    + "'Events':['s3:ObjectRemoved:*']}]}");
            var e = h.error("PutBucketNotificationConfiguration", in.put("SkipDestinationValidation", skip));
            assertThat(e.getMessage()).isEqualTo("Unable to validate the following destination configurations");
            assertThat(e.details()).containsExactly(Map.entry("ArgumentName1", function + ", null"),
                    Map.entry("ArgumentValue1", "Not authorized to invoke function [" + function + "]"));
        }
        assertThat(h.error("PutBucketNotificationConfiguration", configure("{'LambdaFunctionConfigurations':"
                + "[{'LambdaFunctionArn':'f','Events':['s3:ObjectCreated:*']}]}")).details())
                .containsExactly(Map.entry("ArgumentName", "CloudFunction"), Map.entry("ArgumentValue", "f"));
        assertThat(h.call("GetBucketNotificationConfiguration", obj().put("Bucket", "mail"))).isEmpty();
    }

    @Test
    void overlappingConfigurationsForACommonEventTypeAreRefused() {
        String[][] overlapping = {
                {"['s3:ObjectCreated:*']", "['s3:ObjectCreated:Put']", "[]", "[]"},
                {"['s3:ObjectCreated:Put']", "['s3:ObjectCreated:Put']", "[{'Name':'prefix','Value':'in'}]",
                        "[{'Name':'prefix','Value':'inbox/'}]"},
                {"['s3:ObjectRemoved:*']", "['s3:ObjectRemoved:*']", "[{'Name':'suffix','Value':'.eml'}]",
                        "[{'Name':'prefix','Value':'inbox/'}]"},
        };
        for (String[] c : overlapping) {
            var e = h.error("PutBucketNotificationConfiguration", configure(twoQueues(c)));
            assertThat(e.getMessage()).as(String.join(" ", c)).startsWith("Configurations overlap.");
        }
        String[][] disjoint = {
                {"['s3:ObjectCreated:*']", "['s3:ObjectRemoved:*']", "[]", "[]"},
                {"['s3:ObjectCreated:Put']", "['s3:ObjectCreated:Copy']", "[]", "[]"},
                {"['s3:ObjectCreated:*']", "['s3:ObjectCreated:*']", "[{'Name':'prefix','Value':'inbox/'}]",
                        "[{'Name':'prefix','Value':'outbox/'}]"},
                {"['s3:ObjectCreated:*']", "['s3:ObjectCreated:*']", "[{'Name':'suffix','Value':'.eml'}]",
                        "[{'Name':'suffix','Value':'.txt'}]"},
        };
        for (String[] c : disjoint) {
            h.call("PutBucketNotificationConfiguration", configure(twoQueues(c)));
        }
    }

    private static String twoQueues(String[] c) {
        return "{'QueueConfigurations':[{'QueueArn':'" + QUEUE + "','Events':" + c[0] + ",'Filter':{'Key':{'FilterRules':"
                + c[2] + "}}},{'QueueArn':'" + OTHER_QUEUE + "','Events':" + c[1] + ",'Filter':{'Key':{'FilterRules':"
                + c[3] + "}}}]}";
    }

    @Test
    void malformedConfigurations() {
        String[] invalid = {
                "{'QueueConfigurations':[{'QueueArn':'" + QUEUE + "','Events':['s3:ObjectExploded:*']}]}",
                "{'QueueConfigurations':[{'QueueArn':'" + QUEUE + "','Events':['s3:ObjectCreated:*'],'Filter':{'Key':"
                        + "{'FilterRules':[{'Name':'infix','Value':'x'}]}}}]}",
                "{'QueueConfigurations':[{'QueueArn':'" + QUEUE + "','Events':['s3:ObjectCreated:*'],'Filter':{'Key':"
                        + "{'FilterRules':[{'Name':'prefix','Value':'a'},{'Name':'Prefix','Value':'b'}]}}}]}",
        };
        for (String c : invalid) {
            h.assertError(S3Errors.INVALID_ARGUMENT, "PutBucketNotificationConfiguration", configure(c));
        }
        assertThat(h.error("PutBucketNotificationConfiguration", configure(invalid[0])).getMessage())
                .isEqualTo("The event is not supported for notifications");
        var badRule = h.error("PutBucketNotificationConfiguration", configure(invalid[1]));
        assertThat(badRule.getMessage()).isEqualTo("filter rule name must be either prefix or suffix");
        assertThat(badRule.details()).containsExactly(Map.entry("ArgumentName", "FilterRule.Name"),
                Map.entry("ArgumentValue", "infix"));
        h.assertError(S3Errors.MALFORMED_XML, "PutBucketNotificationConfiguration",
                configure("{'QueueConfigurations':[{'QueueArn':'" + QUEUE + "','Events':[]}]}"));
        h.assertError(S3Errors.MALFORMED_XML, "PutBucketNotificationConfiguration",
                configure("{'QueueConfigurations':[{'Events':['s3:ObjectCreated:*']}]}"));
        h.assertError(S3Errors.NOT_IMPLEMENTED, "PutBucketNotificationConfiguration",
                configure("{'EventBridgeConfiguration':{}}"));
        // Event types of features Mailroom lacks are accepted, as AWS accepts them.
        h.call("PutBucketNotificationConfiguration", configure("{'QueueConfigurations':[{'QueueArn':'" + QUEUE
                + "','Events':['s3:ObjectRestore:Completed','s3:LifecycleExpiration:*']}]}"));
    }

    @Test
    void aVanishedDestinationLosesTheEventButNotTheWrite() {
        queueOn("['s3:ObjectCreated:*']", null);
        h.queues.failing = true;
        assertThat(h.put("mail", "k", "x").get("ETag").asText()).isEqualTo("\"9dd4e461268c8034f5c8564e155c67a6\"");
        assertThat(h.queues.sent).isEmpty();
        assertThat(S3Harness.body(h.get("mail", "k"))).isEqualTo("x");
    }

    @Test
    void objectSinkWritesLikePutObjectAndRaisesEvents() {
        queueOn("['s3:ObjectCreated:Put']", null);
        String etag = h.s3.objectSink().put(S3Harness.ACCOUNT, "us-east-1", "mail", "ses/abc", bytes("hello"),
                "message/rfc822", Map.of("Sender", "ses"));
        assertThat(etag).isEqualTo(ObjectTest.HELLO_ETAG);
        ObjectNode got = h.get("mail", "ses/abc");
        assertThat(got.get("ContentType").asText()).isEqualTo("message/rfc822");
        assertThat(got.get("Metadata")).isEqualTo(json("{'sender':'ses'}"));
        assertThat(h.queues.bodies(QUEUE)).extracting(e -> e.at("/Records/0/s3/object/key").asText())
                .containsExactly("ses/abc");
        assertThat(h.s3.objectSink().exists("mail")).isTrue();
        assertThat(h.s3.objectSink().exists("nope")).isFalse();
        var e = org.assertj.core.api.Assertions.catchThrowableOfType(io.mailroom.core.error.AwsException.class,
                () -> h.s3.objectSink().put(S3Harness.ACCOUNT, "us-east-1", "nope", "k", new byte[0], null, Map.of()));
        assertThat(e.error()).isEqualTo(S3Errors.NO_SUCH_BUCKET);
    }
}
