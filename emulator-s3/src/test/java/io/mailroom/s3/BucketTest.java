package io.mailroom.s3;

import static io.mailroom.s3.S3Harness.json;
import static io.mailroom.s3.S3Harness.obj;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.mailroom.core.request.RequestContext;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class BucketTest {
    private final S3Harness h = new S3Harness();

    private void inRegion(String region) {
        h.ctx = new RequestContext(S3Harness.ACCOUNT, region, "req-r", "http://localhost:4566");
    }

    private static ObjectNode create(String name, String constraint) {
        ObjectNode in = obj().put("Bucket", name);
        in.putObject("CreateBucketConfiguration").put("LocationConstraint", constraint);
        return in;
    }

    @Test
    void createListHeadLocateAndDelete() {
        ObjectNode created = h.call("CreateBucket", obj().put("Bucket", "mail-in"));
        assertThat(created.get("Location").asText()).isEqualTo("/mail-in");
        h.advanceSeconds(5);
        h.createBucket("archive");

        ObjectNode list = h.call("ListBuckets", obj());
        assertThat(list.at("/Buckets/0/Name").asText()).isEqualTo("archive");
        assertThat(list.at("/Buckets/1/Name").asText()).isEqualTo("mail-in");
        assertThat(list.at("/Buckets/1/CreationDate").doubleValue())
                .isEqualTo(S3Harness.START.toEpochMilli() / 1000.0);
        assertThat(list.at("/Buckets/0/BucketRegion").isMissingNode()).isTrue();
        assertThat(list.at("/Owner/ID").asText()).hasSize(64).matches("[0-9a-f]+");
        // S3 stopped returning display names on November 21, 2025.
        assertThat(list.at("/Owner").has("DisplayName")).isFalse();
        assertThat(list.has("ContinuationToken")).isFalse();

        assertThat(h.call("HeadBucket", obj().put("Bucket", "mail-in")).get("BucketRegion").asText())
                .isEqualTo("us-east-1");
        assertThat(h.call("GetBucketLocation", obj().put("Bucket", "mail-in")).has("LocationConstraint")).isFalse();

        h.call("DeleteBucket", obj().put("Bucket", "mail-in"));
        h.assertError(S3Errors.NO_SUCH_BUCKET, "HeadBucket", obj().put("Bucket", "mail-in"));
        assertThat(h.call("ListBuckets", obj()).get("Buckets")).hasSize(1);
    }

    @Test
    void listBucketsPagesAndFilters() {
        for (String n : new String[] {"b-1", "b-2", "b-3", "other"}) {
            h.createBucket(n);
        }
        ObjectNode first = h.call("ListBuckets", obj().put("MaxBuckets", 2).put("Prefix", "b-"));
        assertThat(first.get("Buckets")).hasSize(2);
        assertThat(first.at("/Buckets/0/BucketRegion").asText()).isEqualTo("us-east-1");
        assertThat(first.get("Prefix").asText()).isEqualTo("b-");
        String token = first.get("ContinuationToken").asText();
        ObjectNode second = h.call("ListBuckets", obj().put("MaxBuckets", 2).put("Prefix", "b-")
                .put("ContinuationToken", token));
        assertThat(second.get("Buckets")).hasSize(1);
        assertThat(second.at("/Buckets/0/Name").asText()).isEqualTo("b-3");
        assertThat(second.has("ContinuationToken")).isFalse();
        h.assertError(S3Errors.INVALID_ARGUMENT, "ListBuckets", obj().put("MaxBuckets", 0));
    }

    @Test
    void recreatingYourOwnBucketInUsEast1SucceedsAsALegacyQuirk() {
        h.createBucket("mine");
        h.put("mine", "k", "v");
        assertThat(h.call("CreateBucket", obj().put("Bucket", "mine")).get("Location").asText()).isEqualTo("/mine");
        // Nothing was reset: the object is still there.
        assertThat(S3Harness.body(h.get("mine", "k"))).isEqualTo("v");
    }

    @Test
    void recreatingYourOwnBucketElsewhereIsBucketAlreadyOwnedByYou() {
        inRegion("eu-west-1");
        h.call("CreateBucket", create("mine-eu", "eu-west-1"));
        h.assertError(S3Errors.BUCKET_ALREADY_OWNED_BY_YOU, "CreateBucket", create("mine-eu", "eu-west-1"));
        // A us-east-1 request for a bucket that lives elsewhere gets no legacy pass either.
        inRegion("us-east-1");
        h.assertError(S3Errors.BUCKET_ALREADY_OWNED_BY_YOU, "CreateBucket", obj().put("Bucket", "mine-eu"));
    }

    @Test
    void anotherAccountsBucketNameIsTakenAndItsBucketIsOffLimits() {
        h.createBucket("shared-name");
        h.ctx = new RequestContext("111111111111", "us-east-1", "req-x", null);
        h.assertError(S3Errors.BUCKET_ALREADY_EXISTS, "CreateBucket", obj().put("Bucket", "shared-name"));
        h.assertError(S3Errors.ACCESS_DENIED, "HeadBucket", obj().put("Bucket", "shared-name"));
        h.assertError(S3Errors.ACCESS_DENIED, "PutObject", obj().put("Bucket", "shared-name").put("Key", "k"));
        assertThat(h.call("ListBuckets", obj()).get("Buckets")).isEmpty();
    }

    @Test
    void locationConstraintRules() {
        // us-east-1 refuses its own name as a constraint...
        h.assertError(S3Errors.INVALID_LOCATION_CONSTRAINT, "CreateBucket", create("b-east", "us-east-1"));
        h.assertError(S3Errors.INVALID_LOCATION_CONSTRAINT, "CreateBucket", create("b-east", "moon-base"));
        // ...and creates in the region another constraint names.
        h.call("CreateBucket", create("b-eu", "EU"));
        assertThat(h.call("GetBucketLocation", obj().put("Bucket", "b-eu")).get("LocationConstraint").asText())
                .isEqualTo("EU");
        assertThat(h.call("HeadBucket", obj().put("Bucket", "b-eu")).get("BucketRegion").asText())
                .isEqualTo("eu-west-1");

        inRegion("eu-central-1");
        assertThat(h.error("CreateBucket", obj().put("Bucket", "b-none")).getMessage())
                .contains("unspecified location constraint is incompatible");
        assertThat(h.error("CreateBucket", create("b-other", "eu-west-2")).error())
                .isEqualTo(S3Errors.ILLEGAL_LOCATION_CONSTRAINT);
        ObjectNode ok = h.call("CreateBucket", create("b-central", "eu-central-1"));
        assertThat(ok.get("Location").asText()).isEqualTo("http://localhost:4566/b-central/");
        assertThat(h.call("GetBucketLocation", obj().put("Bucket", "b-central")).get("LocationConstraint").asText())
                .isEqualTo("eu-central-1");
    }

    @ParameterizedTest
    @ValueSource(strings = {"ab", "Upper", "under_score", "-dash", "dash-", "a..b", "192.168.1.1", "xn--abc",
            "sthree-x", "name-s3alias", "name--ol-s3", "a.mrap",
            "a-very-long-bucket-name-that-goes-on-and-on-past-the-63-limit-xy"})
    void invalidBucketNames(String name) {
        h.assertError(S3Errors.INVALID_BUCKET_NAME, "CreateBucket", obj().put("Bucket", name));
    }

    @ParameterizedTest
    @ValueSource(strings = {"abc", "my.bucket.name", "a-b-c", "123", "a-very-long-bucket-name-that-goes-on-and-on-to-63-chars-exactly"})
    void validBucketNames(String name) {
        h.createBucket(name);
        assertThat(h.call("HeadBucket", obj().put("Bucket", name)).get("BucketRegion").asText()).isEqualTo("us-east-1");
    }

    @Test
    void objectLockIsRefusedRatherThanIgnored() {
        h.assertError(S3Errors.NOT_IMPLEMENTED, "CreateBucket", obj().put("Bucket", "locked").put("ObjectLockEnabledForBucket", true));
        h.assertError(S3Errors.NO_SUCH_BUCKET, "HeadBucket", obj().put("Bucket", "locked"));
    }

    @Test
    void aBucketWithObjectsCannotBeDeleted() {
        h.createBucket("full");
        h.put("full", "a", "x");
        h.assertError(S3Errors.BUCKET_NOT_EMPTY, "DeleteBucket", obj().put("Bucket", "full"));
        h.call("DeleteObject", obj().put("Bucket", "full").put("Key", "a"));
        h.call("DeleteBucket", obj().put("Bucket", "full"));
        h.assertError(S3Errors.NO_SUCH_BUCKET, "DeleteBucket", obj().put("Bucket", "full"));
    }

    @Test
    void everyOperationOnAMissingBucketIsNoSuchBucket() {
        ObjectNode in = json("{'Bucket':'nope','Key':'k','CopySource':'nope/k'}");
        for (String op : new String[] {"HeadBucket", "DeleteBucket", "GetBucketLocation", "PutObject", "GetObject",
                "HeadObject", "DeleteObject", "CopyObject", "ListObjectsV2", "ListObjects",
                "GetBucketNotificationConfiguration", "PutBucketNotificationConfiguration"}) {
            h.assertError(S3Errors.NO_SUCH_BUCKET, op, in);
        }
    }

    @Test
    void bucketErrorsNameTheBucketAndTheRefusedValue() {
        assertThat(h.error("GetBucketLocation", obj().put("Bucket", "nope")).details()).containsEntry("BucketName", "nope");
        assertThat(h.error("CreateBucket", obj().put("Bucket", "Bad_Name")).details())
                .containsEntry("BucketName", "Bad_Name");
        h.createBucket("full");
        h.put("full", "k", "v");
        assertThat(h.error("DeleteBucket", obj().put("Bucket", "full")).details()).containsEntry("BucketName", "full");
        inRegion("eu-west-1");
        var owned = h.error("CreateBucket", create("full", "eu-west-1"));
        assertThat(owned.error()).isEqualTo(S3Errors.BUCKET_ALREADY_OWNED_BY_YOU);
        assertThat(owned.details()).containsEntry("BucketName", "full");
        inRegion("us-east-1");
        assertThat(h.error("CreateBucket", create("b-x", "us-east-1")).details())
                .containsEntry("LocationConstraint", "us-east-1");
    }

    @Test
    void aWellFormedNameOfNoAwsRegionIsNoLocation() {
        var e = h.error("CreateBucket", create("b-nowhere", "eu-east-1"));
        assertThat(e.error()).isEqualTo(S3Errors.INVALID_LOCATION_CONSTRAINT);
        assertThat(e.details()).containsEntry("LocationConstraint", "eu-east-1");
        h.call("CreateBucket", create("b-jakarta", "ap-southeast-3"));
        assertThat(h.call("HeadBucket", obj().put("Bucket", "b-jakarta")).get("BucketRegion").asText())
                .isEqualTo("ap-southeast-3");
    }

    @Test
    void listBucketsRefusesABucketRegionThatIsNoAwsRegion() {
        var e = h.error("ListBuckets", obj().put("BucketRegion", "eu-east-1"));
        assertThat(e.error()).isEqualTo(S3Errors.INVALID_ARGUMENT);
        assertThat(e.getMessage()).isEqualTo("Argument value eu-east-1 is not a valid AWS Region");
        assertThat(e.details()).containsEntry("ArgumentName", "bucket-region");
        assertThat(h.call("ListBuckets", obj().put("BucketRegion", "us-east-1")).get("Buckets")).isEmpty();
    }
}
