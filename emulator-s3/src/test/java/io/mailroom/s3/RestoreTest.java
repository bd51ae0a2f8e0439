package io.mailroom.s3;

import static io.mailroom.s3.S3Harness.body;
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

/** Objects in GLACIER and DEEP_ARCHIVE are read through restores that take their tier's time on the server clock. */
class RestoreTest {
    private static final String QUEUE = "arn:aws:sqs:us-east-1:000000000000:restores";
    private final S3Harness h = new S3Harness();

    @TempDir
    Path dataDir;

    @BeforeEach
    void archive() {
        h.queues.existing.add(QUEUE);
        h.createBucket("vault");
        h.call("PutBucketNotificationConfiguration", obj().put("Bucket", "vault").set("NotificationConfiguration",
                json("{'QueueConfigurations':[{'QueueArn':'" + QUEUE + "','Events':['s3:ObjectRestore:*']}]}")));
        h.queues.sent.clear();
        put("cold.txt", "GLACIER");
        put("deep.txt", "DEEP_ARCHIVE");
    }

    private void put(String key, String storageClass) {
        h.call("PutObject", obj().put("Bucket", "vault").put("Key", key).put("Body", bytes("archived " + key))
                .put("StorageClass", storageClass));
    }

    private static ObjectNode key(String key) {
        return obj().put("Bucket", "vault").put("Key", key);
    }

    private static ObjectNode restore(String key, String request) {
        return (ObjectNode) key(key).set("RestoreRequest", json(request));
    }

    private void advance(Duration d) {
        h.clock.advance(d);
    }

    @Test
    void anArchivedObjectIsReadOnlyOnceARestoreIsReadyAndUntilItExpires() {
        AwsException cold = h.error("GetObject", key("cold.txt"));
        assertThat(cold.error()).isEqualTo(S3Errors.INVALID_OBJECT_STATE);
        assertThat(cold.getMessage()).isEqualTo("The operation is not valid for the object's storage class");
        assertThat(cold.details()).containsEntry("StorageClass", "GLACIER");
        ObjectNode head = h.call("HeadObject", key("cold.txt"));
        assertThat(head.get("StorageClass").asText()).isEqualTo("GLACIER");
        assertThat(head.has("Restore")).isFalse();

        // 2024-05-01T10:00:00.250Z, Standard: five hours, then kept until the midnight after two more days.
        assertThat(h.call("RestoreObject", restore("cold.txt", "{'Days':2}")).get("__status").asInt()).isEqualTo(202);
        assertThat(h.call("HeadObject", key("cold.txt")).get("Restore").asText()).isEqualTo("ongoing-request=\"true\"");
        AwsException again = h.error("RestoreObject", restore("cold.txt", "{'Days':2}"));
        assertThat(again.error()).isEqualTo(S3Errors.RESTORE_ALREADY_IN_PROGRESS);
        h.assertError(S3Errors.INVALID_OBJECT_STATE, "GetObject", key("cold.txt"));

        advance(Duration.ofHours(5));
        ObjectNode got = h.get("vault", "cold.txt");
        assertThat(body(got)).isEqualTo("archived cold.txt");
        assertThat(got.get("Restore").asText())
                .isEqualTo("ongoing-request=\"false\", expiry-date=\"Sat, 04 May 2024 00:00:00 GMT\"");

        // Asked again once ready: the copy stays longer, 200 rather than 202.
        assertThat(h.call("RestoreObject", restore("cold.txt", "{'Days':5}")).has("__status")).isFalse();
        assertThat(h.call("HeadObject", key("cold.txt")).get("Restore").asText()).endsWith("\"Tue, 07 May 2024 00:00:00 GMT\"");

        advance(Duration.ofDays(6));
        h.assertError(S3Errors.INVALID_OBJECT_STATE, "GetObject", key("cold.txt"));
        assertThat(h.call("HeadObject", key("cold.txt")).has("Restore")).isFalse();

        assertThat(h.queues.bodies(QUEUE)).extracting(e -> e.at("/Records/0/eventName").asText())
                .containsExactly("ObjectRestore:Post", "ObjectRestore:Completed", "ObjectRestore:Delete");
        JsonNode completed = h.queues.bodies(QUEUE).get(1).at("/Records/0");
        assertThat(completed.get("eventTime").asText()).isEqualTo("2024-05-01T15:00:00.250Z");
        assertThat(completed.at("/glacierEventData/restoreEventData/lifecycleRestorationExpiryTime").asText())
                .isEqualTo("2024-05-04T00:00:00.000Z");
        assertThat(completed.at("/glacierEventData/restoreEventData/lifecycleRestoreStorageClass").asText())
                .isEqualTo("GLACIER");
        assertThat(h.queues.bodies(QUEUE).get(2).at("/Records/0/eventTime").asText())
                .as("the extended expiry's, not the first one's").isEqualTo("2024-05-07T00:00:00.000Z");
    }

    @Test
    void listingsReportRestoresWhenAskedTo() {
        ObjectNode list = (ObjectNode) obj().put("Bucket", "vault").set("OptionalObjectAttributes",
                S3Harness.JSON.createArrayNode().add("RestoreStatus"));
        assertThat(h.call("ListObjectsV2", list).findValues("RestoreStatus")).isEmpty();
        h.call("RestoreObject", restore("cold.txt", "{'Days':1}"));
        assertThat(h.call("ListObjectsV2", list).at("/Contents/0/RestoreStatus")).isEqualTo(
                json("{'IsRestoreInProgress':true}"));
        assertThat(h.call("ListObjectsV2", obj().put("Bucket", "vault")).findValues("RestoreStatus"))
                .as("not asked for").isEmpty();
        advance(Duration.ofHours(5));
        assertThat(h.call("ListObjects", list).at("/Contents/0/RestoreStatus")).isEqualTo(
                json("{'IsRestoreInProgress':false,'RestoreExpiryDate':1.7146944E9}"));
        assertThat(h.call("ListObjectsV2", list).at("/Contents/0/StorageClass").asText()).isEqualTo("GLACIER");
    }

    @Test
    void tiersTakeTheirTimeAndDeepArchiveHasNoExpedited() {
        h.call("RestoreObject", restore("cold.txt", "{'Days':1,'GlacierJobParameters':{'Tier':'Expedited'}}"));
        advance(Duration.ofMinutes(4));
        h.assertError(S3Errors.INVALID_OBJECT_STATE, "GetObject", key("cold.txt"));
        advance(Duration.ofMinutes(1));
        assertThat(body(h.get("vault", "cold.txt"))).isEqualTo("archived cold.txt");

        h.assertError(S3Errors.INVALID_ARGUMENT, "RestoreObject",
                restore("deep.txt", "{'Days':1,'GlacierJobParameters':{'Tier':'Expedited'}}"));
        h.call("RestoreObject", restore("deep.txt", "{'Days':1,'GlacierJobParameters':{'Tier':'Bulk'}}"));
        advance(Duration.ofHours(47));
        h.assertError(S3Errors.INVALID_OBJECT_STATE, "GetObject", key("deep.txt"));
        advance(Duration.ofHours(1));
        assertThat(body(h.get("vault", "deep.txt"))).isEqualTo("archived deep.txt");
    }

    @Test
    void copiesReadTheSourceSoItMustBeRestoredToo() {
        ObjectNode copy = obj().put("Bucket", "vault").put("Key", "copy.txt").put("CopySource", "vault/cold.txt");
        AwsException refused = h.error("CopyObject", copy);
        assertThat(refused.error()).isEqualTo(S3Errors.INVALID_OBJECT_STATE);
        assertThat(refused.getMessage()).isEqualTo("Operation is not valid for the source object's storage class");
        h.call("RestoreObject", restore("cold.txt", "{'Days':1}"));
        advance(Duration.ofHours(5));
        h.call("CopyObject", copy);
        assertThat(h.call("HeadObject", key("copy.txt")).has("StorageClass")).as("a copy is STANDARD").isFalse();
        // Instant Retrieval is read like any object.
        put("instant.txt", "GLACIER_IR");
        assertThat(body(h.get("vault", "instant.txt"))).isEqualTo("archived instant.txt");
    }

    @Test
    void restoreRequestsAreCheckedAsS3ChecksThem() {
        h.put("vault", "hot.txt", "x");
        AwsException hot = h.error("RestoreObject", restore("hot.txt", "{'Days':1}"));
        assertThat(hot.error()).isEqualTo(S3Errors.INVALID_OBJECT_STATE);
        assertThat(hot.getMessage()).isEqualTo("Restore is not allowed for the object's current storage class");
        h.assertError(S3Errors.MALFORMED_XML, "RestoreObject", restore("cold.txt", "{'GlacierJobParameters':{'Tier':'Bulk'}}"));
        h.assertError(S3Errors.MALFORMED_XML, "RestoreObject", restore("cold.txt", "{'Days':1,'Tier':'Bulk'}"));
        h.assertError(S3Errors.INVALID_ARGUMENT, "RestoreObject", restore("cold.txt", "{'Days':0}"));
        h.assertError(S3Errors.MALFORMED_XML, "RestoreObject", restore("cold.txt", "{'Days':'many'}"));
        h.assertError(S3Errors.MALFORMED_XML, "RestoreObject", restore("cold.txt", "{'Days':3000000000}"));
        h.assertError(S3Errors.MALFORMED_XML, "RestoreObject",
                restore("cold.txt", "{'Days':1,'GlacierJobParameters':{'Tier':'standard'}}"));
        h.assertError(S3Errors.MALFORMED_XML, "RestoreObject", key("cold.txt"));
        h.assertError(S3Errors.NO_SUCH_KEY, "RestoreObject", restore("none.txt", "{'Days':1}"));
        // A new upload under the key is a new, unrestored object: the old restore's events do not follow it.
        h.call("RestoreObject", restore("cold.txt", "{'Days':1}"));
        put("cold.txt", "GLACIER");
        advance(Duration.ofHours(5));
        h.assertError(S3Errors.INVALID_OBJECT_STATE, "GetObject", key("cold.txt"));
        assertThat(h.queues.bodies(QUEUE)).extracting(e -> e.at("/Records/0/eventName").asText())
                .containsExactly("ObjectRestore:Post");
    }

    @Test
    void aRestoreOutlivesARestartEventsIncluded() {
        h.call("RestoreObject", restore("cold.txt", "{'Days':1}"));
        h.s3.save(dataDir);
        S3Harness after = new S3Harness();
        after.queues.existing.add(QUEUE);
        after.s3.load(dataDir);
        assertThat(after.call("HeadObject", key("cold.txt")).get("Restore").asText())
                .isEqualTo("ongoing-request=\"true\"");
        after.clock.advance(Duration.ofHours(5));
        assertThat(body(after.get("vault", "cold.txt"))).isEqualTo("archived cold.txt");
        after.clock.advance(Duration.ofDays(2));
        assertThat(after.queues.bodies(QUEUE)).extracting(e -> e.at("/Records/0/eventName").asText())
                .containsExactly("ObjectRestore:Completed", "ObjectRestore:Delete");
    }

    @Test
    void askingAgainForTheSameExpiryRaisesOneDeletion() {
        h.call("RestoreObject", restore("cold.txt", "{'Days':1}"));
        advance(Duration.ofHours(5));
        h.call("RestoreObject", restore("cold.txt", "{'Days':1}"));
        h.call("RestoreObject", restore("cold.txt", "{'Days':1}"));
        advance(Duration.ofDays(2));
        assertThat(h.queues.bodies(QUEUE)).extracting(e -> e.at("/Records/0/eventName").asText())
                .containsExactly("ObjectRestore:Post", "ObjectRestore:Completed", "ObjectRestore:Delete");
    }
}
