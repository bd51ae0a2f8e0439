package io.mailroom.s3;

import static io.mailroom.s3.S3Harness.bytes;
import static io.mailroom.s3.S3Harness.json;
import static io.mailroom.s3.S3Harness.obj;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.mailroom.core.error.AwsException;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A bucket's lifecycle rules expire, transition and abort on the server clock, at midnight UTC as S3 counts days. */
class LifecycleTest {
    private static final String QUEUE = "arn:aws:sqs:us-east-1:000000000000:lifecycle";
    private static final byte[] BIG = new byte[128 * 1024];
    private final S3Harness h = new S3Harness();

    @TempDir
    Path dataDir;

    @BeforeEach
    void bucketWithEvents() {
        h.queues.existing.add(QUEUE);
        h.createBucket("logs");
        h.call("PutBucketNotificationConfiguration", obj().put("Bucket", "logs").set("NotificationConfiguration",
                json("{'QueueConfigurations':[{'QueueArn':'" + QUEUE + "','Events':['s3:LifecycleExpiration:*',"
                        + "'s3:LifecycleTransition']}]}")));
        h.queues.sent.clear();
    }

    private ObjectNode putLifecycle(String rules) {
        return h.call("PutBucketLifecycleConfiguration", (ObjectNode) obj().put("Bucket", "logs")
                .set("LifecycleConfiguration", json("{'Rules':" + rules + "}")));
    }

    private AwsException refused(String rules) {
        return h.error("PutBucketLifecycleConfiguration", (ObjectNode) obj().put("Bucket", "logs")
                .set("LifecycleConfiguration", json("{'Rules':" + rules + "}")));
    }

    private ObjectNode put(String key, byte[] body) {
        return h.call("PutObject", obj().put("Bucket", "logs").put("Key", key).put("Body", body));
    }

    private static ObjectNode key(String key) {
        return obj().put("Bucket", "logs").put("Key", key);
    }

    private void advance(Duration d) {
        h.clock.advance(d);
    }

    private java.util.List<String> events() {
        return h.queues.bodies(QUEUE).stream().map(e -> e.at("/Records/0/eventName").asText()).toList();
    }

    @Test
    void aConfigurationIsStoredWithItsRulesNamedAndDeleted() {
        h.assertError(S3Errors.NO_SUCH_LIFECYCLE_CONFIGURATION, "GetBucketLifecycleConfiguration", obj().put("Bucket", "logs"));
        ObjectNode out = putLifecycle("[{'ID':'old-logs','Status':'Enabled','Filter':{'Prefix':'logs/'},"
                + "'Expiration':{'Days':30}},{'Status':'Disabled','Filter':{},'AbortIncompleteMultipartUpload':"
                + "{'DaysAfterInitiation':7}}]");
        assertThat(out.get("TransitionDefaultMinimumObjectSize").asText()).isEqualTo("all_storage_classes_128K");
        JsonNode got = h.call("GetBucketLifecycleConfiguration", obj().put("Bucket", "logs"));
        assertThat(got.at("/Rules/0")).isEqualTo(json("{'ID':'old-logs','Status':'Enabled','Filter':{'Prefix':'logs/'},"
                + "'Expiration':{'Days':30}}"));
        assertThat(got.at("/Rules/1/ID").asText()).as("named by S3").hasSize(48);
        h.call("DeleteBucketLifecycle", obj().put("Bucket", "logs"));
        h.call("DeleteBucketLifecycle", obj().put("Bucket", "logs"));
        h.assertError(S3Errors.NO_SUCH_LIFECYCLE_CONFIGURATION, "GetBucketLifecycleConfiguration", obj().put("Bucket", "logs"));
    }

    @Test
    void rulesAreCheckedAsS3ChecksThem() {
        String filter = "'Filter':{'Prefix':''}";
        String[][] cases = {
            {"[]", "MalformedXML", null},
            {"[{'Status':'On'," + filter + ",'Expiration':{'Days':1}}]", "MalformedXML", null},
            {"[{'Status':'Enabled'," + filter + "}]", "InvalidRequest", "At least one action needs to be specified in a rule"},
            {"[{'Status':'Enabled','Expiration':{'Days':1}}]", "MalformedXML", null},
            {"[{'Status':'Enabled','Prefix':'a','Filter':{},'Expiration':{'Days':1}}]", "MalformedXML", null},
            {"[{'Status':'Enabled','Filter':{'Prefix':'a','Tag':{'Key':'k','Value':'v'}},'Expiration':{'Days':1}}]",
                "MalformedXML", null},
            {"[{'Status':'Enabled'," + filter + ",'Expiration':{'Days':0}}]", "InvalidArgument",
                "'Days' for Expiration action must be a positive integer"},
            {"[{'Status':'Enabled'," + filter + ",'Expiration':{'Days':1,'Date':1714521600}}]", "MalformedXML", null},
            {"[{'Status':'Enabled'," + filter + ",'Expiration':{'Date':1714525200}}]", "InvalidArgument",
                "'Date' must be at midnight GMT"},
            {"[{'Status':'Enabled'," + filter + ",'Expiration':{'Days':1,'ExpiredObjectDeleteMarker':true}}]",
                "MalformedXML", null},
            {"[{'Status':'Enabled'," + filter + ",'Transitions':[{'Days':10,'StorageClass':'STANDARD_IA'}]}]",
                "InvalidArgument", "'Days' in Transition action must be greater than or equal to 30 for storageClass 'STANDARD_IA'"},
            {"[{'Status':'Enabled'," + filter + ",'Transitions':[{'Days':10,'StorageClass':'STANDARD'}]}]", "MalformedXML", null},
            {"[{'Status':'Enabled'," + filter + ",'Transitions':[{'Days':40,'StorageClass':'GLACIER'},"
                + "{'Days':90,'StorageClass':'GLACIER'}]}]", "InvalidRequest", "'StorageClass' must be different"},
            {"[{'Status':'Enabled','Filter':{'Tag':{'Key':'k','Value':'v'}},'AbortIncompleteMultipartUpload':"
                + "{'DaysAfterInitiation':1}}]", "InvalidRequest", "AbortIncompleteMultipartUpload cannot be specified with Tags."},
            {"[{'ID':'a','Status':'Enabled'," + filter + ",'Expiration':{'Days':1}},{'ID':'a','Status':'Enabled',"
                + filter + ",'Expiration':{'Days':2}}]", "InvalidArgument", "Rule ID must be unique. Found same ID for more than one rule"},
            {"[{'ID':'" + "i".repeat(256) + "','Status':'Enabled'," + filter + ",'Expiration':{'Days':1}}]",
                "InvalidArgument", "ID length should not exceed allowed limit of 255"},
        };
        for (String[] c : cases) {
            AwsException e = refused(c[0]);
            assertThat(e.error().code()).as(c[0]).isEqualTo(c[1]);
            if (c[2] != null) {
                assertThat(e.getMessage()).as(c[0]).startsWith(c[2]);
            }
        }
        putLifecycle("[{'Status':'Enabled'," + filter + ",'Transitions':[{'Days':0,'StorageClass':'GLACIER'}],"
                + "'NoncurrentVersionExpiration':{'NoncurrentDays':3}}]");
    }

    @Test
    void objectsExpireAtTheMidnightAfterTheirDaysAndSaySo() {
        putLifecycle("[{'ID':'tmp files','Status':'Enabled','Filter':{'Prefix':'tmp/'},'Expiration':{'Days':1}}]");
        // Created 2024-05-01T10:00:00Z: one day later, rounded up to midnight UTC.
        ObjectNode stored = put("tmp/a.log", bytes("a"));
        assertThat(stored.get("Expiration").asText())
                .isEqualTo("expiry-date=\"Fri, 03 May 2024 00:00:00 GMT\", rule-id=\"tmp%20files\"");
        put("keep/b.log", bytes("b"));
        assertThat(h.call("HeadObject", key("keep/b.log")).has("Expiration")).isFalse();

        advance(Duration.ofHours(37).plusMinutes(59));
        assertThat(h.call("HeadObject", key("tmp/a.log")).get("Expiration").asText()).startsWith("expiry-date=");
        advance(Duration.ofMinutes(1));
        h.assertError(S3Errors.NO_SUCH_KEY, "HeadObject", key("tmp/a.log"));
        h.call("HeadObject", key("keep/b.log"));
        JsonNode record = h.queues.bodies(QUEUE).get(0).at("/Records/0");
        assertThat(record.get("eventName").asText()).isEqualTo("LifecycleExpiration:Delete");
        assertThat(record.get("eventTime").asText()).isEqualTo("2024-05-03T00:00:00.000Z");
        assertThat(record.at("/userIdentity/principalId").asText()).isEqualTo("s3.amazonaws.com");
        assertThat(record.at("/s3/object/key").asText()).isEqualTo("tmp/a.log");
        assertThat(record.at("/s3/object").has("eTag")).isFalse();
    }

    @Test
    void largeObjectsMoveToColderClassesThenExpire() {
        putLifecycle("[{'ID':'archive','Status':'Enabled','Filter':{},'Transitions':[{'Days':0,'StorageClass':"
                + "'GLACIER'},{'Days':2,'StorageClass':'DEEP_ARCHIVE'}],'Expiration':{'Days':5}}]");
        put("big.bin", BIG);
        put("small.bin", bytes("s"));
        advance(Duration.ofHours(14));
        assertThat(h.call("HeadObject", key("big.bin")).get("StorageClass").asText()).isEqualTo("GLACIER");
        h.assertError(S3Errors.INVALID_OBJECT_STATE, "GetObject", key("big.bin"));
        assertThat(h.call("HeadObject", key("small.bin")).has("StorageClass")).as("under 128 KiB").isFalse();
        advance(Duration.ofDays(2));
        assertThat(h.call("HeadObject", key("big.bin")).get("StorageClass").asText()).isEqualTo("DEEP_ARCHIVE");
        advance(Duration.ofDays(3));
        h.assertError(S3Errors.NO_SUCH_KEY, "HeadObject", key("big.bin"));
        h.assertError(S3Errors.NO_SUCH_KEY, "HeadObject", key("small.bin"));
        assertThat(events()).containsExactly("LifecycleTransition", "LifecycleTransition", "LifecycleExpiration:Delete",
                "LifecycleExpiration:Delete");
        assertThat(h.queues.bodies(QUEUE).get(1).at("/Records/0/lifecycleEventData/transitionEventData"
                + "/destinationStorageClass").asText()).isEqualTo("DEEP_ARCHIVE");
    }

    @Test
    void tagFiltersFollowTheObjectsTagsAndDisabledRulesDoNothing() {
        putLifecycle("[{'Status':'Enabled','Filter':{'And':{'Prefix':'t/','Tags':[{'Key':'temp','Value':'yes'}]}},"
                + "'Expiration':{'Days':1}},{'Status':'Disabled','Filter':{},'Expiration':{'Days':1}}]");
        put("t/a", bytes("a"));
        put("t/b", bytes("b"));
        ObjectNode tags = key("t/b");
        tags.putObject("Tagging").putArray("TagSet").addObject().put("Key", "temp").put("Value", "yes");
        h.call("PutObjectTagging", tags);
        advance(Duration.ofDays(3));
        h.call("HeadObject", key("t/a"));
        h.assertError(S3Errors.NO_SUCH_KEY, "HeadObject", key("t/b"));
    }

    @Test
    void incompleteUploadsAreAbortedAndAReplacedConfigurationStopsTheOldOne() {
        putLifecycle("[{'Status':'Enabled','Filter':{'Prefix':'up/'},'AbortIncompleteMultipartUpload':"
                + "{'DaysAfterInitiation':1}}]");
        ObjectNode started = h.call("CreateMultipartUpload", key("up/a"));
        assertThat(started.get("AbortDate").asDouble()).as("2024-05-03T00:00:00Z").isEqualTo(1714694400.0);
        assertThat(started.get("AbortRuleId").asText()).hasSize(48);
        assertThat(h.call("ListParts", key("up/a").put("UploadId", started.get("UploadId").asText()))
                .get("AbortDate")).isEqualTo(started.get("AbortDate"));
        assertThat(h.call("CreateMultipartUpload", key("elsewhere/b")).has("AbortDate")).isFalse();
        advance(Duration.ofDays(2));
        assertThat(h.call("ListMultipartUploads", obj().put("Bucket", "logs")).findValuesAsText("Key"))
                .containsExactly("elsewhere/b");

        putLifecycle("[{'Status':'Enabled','Filter':{},'Expiration':{'Days':10}}]");
        put("x", bytes("x"));
        putLifecycle("[{'Status':'Enabled','Filter':{},'Expiration':{'Days':100}}]");
        advance(Duration.ofDays(12));
        h.call("HeadObject", key("x"));
    }

    @Test
    void aPastDateActsOnNewObjectsAtOnceAfterTheirCreationIsAnnounced() {
        h.call("PutBucketNotificationConfiguration", obj().put("Bucket", "logs").set("NotificationConfiguration",
                json("{'QueueConfigurations':[{'QueueArn':'" + QUEUE + "','Events':['s3:LifecycleExpiration:*',"
                        + "'s3:ObjectCreated:*']}]}")));
        h.queues.sent.clear();
        putLifecycle("[{'Status':'Enabled','Filter':{'Prefix':'old/'},'Expiration':{'Date':1704067200}}]");
        put("old/a", bytes("a"));
        h.assertError(S3Errors.NO_SUCH_KEY, "HeadObject", key("old/a"));
        assertThat(events()).containsExactly("ObjectCreated:Put", "LifecycleExpiration:Delete");
        assertThat(h.queues.bodies(QUEUE).get(1).at("/Records/0/eventTime").asText())
                .isEqualTo("2024-05-01T10:00:00.250Z");
    }

    @Test
    void anObjectHasOneTaskHoweverOftenItIsWritten() {
        putLifecycle("[{'Status':'Enabled','Filter':{},'Expiration':{'Days':30}}]");
        int before = h.clock.pendingTasks();
        for (int i = 0; i < 20; i++) {
            put("hot", bytes("v" + i));
        }
        putLifecycle("[{'Status':'Enabled','Filter':{},'Expiration':{'Days':30}}]");
        assertThat(h.clock.pendingTasks() - before).isEqualTo(1);
    }

    @Test
    void smallObjectsGoToTheGlacierClassesWhenTheConfigurationSaysSo() {
        h.call("PutBucketLifecycleConfiguration", (ObjectNode) obj().put("Bucket", "logs")
                .put("TransitionDefaultMinimumObjectSize", "varies_by_storage_class")
                .set("LifecycleConfiguration", json("{'Rules':[{'Status':'Enabled','Filter':{},'Transitions':["
                        + "{'Days':30,'StorageClass':'STANDARD_IA'},{'Days':60,'StorageClass':'GLACIER'}]}]}")));
        put("small", bytes("s"));
        advance(Duration.ofDays(40));
        assertThat(h.call("HeadObject", key("small")).has("StorageClass")).as("not to STANDARD_IA").isFalse();
        advance(Duration.ofDays(30));
        assertThat(h.call("HeadObject", key("small")).get("StorageClass").asText()).isEqualTo("GLACIER");
        assertThat(h.call("GetBucketLifecycleConfiguration", obj().put("Bucket", "logs"))
                .get("TransitionDefaultMinimumObjectSize").asText()).isEqualTo("varies_by_storage_class");
    }

    @Test
    void aConfigurationOutlivesARestartAndKeepsActing() {
        putLifecycle("[{'Status':'Enabled','Filter':{},'Expiration':{'Days':1}}]");
        put("a", bytes("a"));
        h.s3.save(dataDir);
        S3Harness after = new S3Harness();
        after.s3.load(dataDir);
        assertThat(after.call("GetBucketLifecycleConfiguration", obj().put("Bucket", "logs")))
                .isEqualTo(h.call("GetBucketLifecycleConfiguration", obj().put("Bucket", "logs")));
        after.clock.advance(Duration.ofDays(2));
        after.assertError(S3Errors.NO_SUCH_KEY, "HeadObject", key("a"));
    }
}
