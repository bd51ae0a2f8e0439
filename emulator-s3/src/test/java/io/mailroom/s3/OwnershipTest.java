package io.mailroom.s3;

import static io.mailroom.s3.S3Harness.bytes;
import static io.mailroom.s3.S3Harness.obj;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.mailroom.s3.bucket.Owner;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** S3 Object Ownership: BucketOwnerEnforced by default, which refuses every ACL but the bucket owner's. */
class OwnershipTest {
    private final S3Harness h = new S3Harness();
    private final String ownerId = new Owner(S3Harness.ACCOUNT).canonicalId();

    @TempDir
    Path dataDir;

    private static ObjectNode bucket(String name) {
        return obj().put("Bucket", name);
    }

    private static ObjectNode object(String bucket, String key) {
        return bucket(bucket).put("Key", key).put("Body", bytes("x"));
    }

    private String ownership(String bucket) {
        return h.call("GetBucketOwnershipControls", bucket(bucket)).at("/OwnershipControls/Rules/0/ObjectOwnership")
                .asText();
    }

    private ObjectNode controls(String bucket, String ownership) {
        ObjectNode in = bucket(bucket);
        in.putObject("OwnershipControls").putArray("Rules").addObject().put("ObjectOwnership", ownership);
        return in;
    }

    @Test
    void aNewBucketEnforcesTheBucketOwnerUnlessCreateBucketSaysOtherwise() {
        h.createBucket("plain");
        assertThat(ownership("plain")).isEqualTo("BucketOwnerEnforced");
        h.call("CreateBucket", bucket("writer").put("ObjectOwnership", "ObjectWriter"));
        assertThat(ownership("writer")).isEqualTo("ObjectWriter");
        h.call("CreateBucket", bucket("preferred").put("ObjectOwnership", "BucketOwnerPreferred"));
        assertThat(ownership("preferred")).isEqualTo("BucketOwnerPreferred");
    }

    @Test
    void withAclsDisabledObjectWritesTakeNoAclOrTheBucketOwnersFullControlOnly() {
        h.createBucket("plain");
        h.call("PutObject", object("plain", "none"));
        h.call("PutObject", object("plain", "owner").put("ACL", "bucket-owner-full-control"));
        h.call("PutObject", object("plain", "grant").put("GrantFullControl", "id=\"" + ownerId + "\""));
        for (ObjectNode refused : new ObjectNode[]{object("plain", "k").put("ACL", "public-read"),
                object("plain", "k").put("ACL", "private"),
                object("plain", "k").put("GrantRead", "uri=\"http://acs.amazonaws.com/groups/global/AllUsers\""),
                object("plain", "k").put("GrantFullControl", "id=\"" + ownerId + "\", id=\"" + "a".repeat(64) + "\"")}) {
            assertThat(h.error("PutObject", refused).getMessage()).contains("The bucket does not allow ACLs");
            h.assertError(S3Errors.ACCESS_CONTROL_LIST_NOT_SUPPORTED, "PutObject", refused);
        }
        h.assertError(S3Errors.NO_SUCH_KEY, "GetObject", bucket("plain").put("Key", "k"));
        h.assertError(S3Errors.ACCESS_CONTROL_LIST_NOT_SUPPORTED, "CopyObject",
                bucket("plain").put("Key", "copy").put("CopySource", "plain/none").put("ACL", "public-read"));
        h.assertError(S3Errors.ACCESS_CONTROL_LIST_NOT_SUPPORTED, "CreateMultipartUpload",
                bucket("plain").put("Key", "mp").put("ACL", "authenticated-read"));
    }

    @Test
    void bucketsThatKeepAclsTakeAnyAcl() {
        h.call("CreateBucket", bucket("writer").put("ObjectOwnership", "ObjectWriter").put("ACL", "public-read"));
        h.call("PutObject", object("writer", "k").put("ACL", "public-read"));
        h.createBucket("plain");
        h.call("DeleteBucketOwnershipControls", bucket("plain"));
        h.call("PutObject", object("plain", "k").put("ACL", "public-read"));
    }

    @Test
    void aBucketAclForOthersCannotBeCombinedWithEnforcedOwnership() {
        h.assertError(S3Errors.INVALID_BUCKET_ACL_WITH_OBJECT_OWNERSHIP, "CreateBucket",
                bucket("public").put("ACL", "public-read"));
        h.assertError(S3Errors.NO_SUCH_BUCKET, "HeadBucket", bucket("public"));
        h.call("CreateBucket", bucket("private").put("ACL", "private"));
        h.call("CreateBucket", bucket("granted").put("GrantFullControl", "id=" + ownerId));

        h.call("CreateBucket", bucket("writer").put("ObjectOwnership", "ObjectWriter").put("ACL", "public-read"));
        h.assertError(S3Errors.INVALID_BUCKET_ACL_WITH_OBJECT_OWNERSHIP, "PutBucketOwnershipControls",
                controls("writer", "BucketOwnerEnforced"));
        h.call("PutBucketOwnershipControls", controls("writer", "BucketOwnerPreferred"));
        assertThat(ownership("writer")).isEqualTo("BucketOwnerPreferred");
    }

    @Test
    void cannedAclsAndGrantHeadersCannotBeMixedAndGrantHeadersMustParse() {
        h.createBucket("plain");
        assertThat(h.error("PutObject", object("plain", "k").put("ACL", "bucket-owner-full-control")
                .put("GrantRead", "id=" + ownerId)).getMessage())
                .contains("Specifying both Canned ACLs and Header Grants is not allowed");
        h.assertError(S3Errors.INVALID_ARGUMENT, "PutObject",
                object("plain", "k").put("GrantFullControl", "someone"));
        h.assertError(S3Errors.INVALID_ARGUMENT, "CreateBucket",
                bucket("odd").put("ObjectOwnership", "Everyone"));
    }

    @Test
    void ownershipControlsArePutGotAndDeleted() {
        h.createBucket("plain");
        h.call("PutBucketOwnershipControls", controls("plain", "ObjectWriter"));
        assertThat(ownership("plain")).isEqualTo("ObjectWriter");
        h.call("DeleteBucketOwnershipControls", bucket("plain"));
        h.call("DeleteBucketOwnershipControls", bucket("plain"));
        assertThat(h.error("GetBucketOwnershipControls", bucket("plain")).getMessage())
                .contains("The bucket ownership controls were not found");
        h.assertError(S3Errors.OWNERSHIP_CONTROLS_NOT_FOUND, "GetBucketOwnershipControls", bucket("plain"));
        h.assertError(S3Errors.MALFORMED_XML, "PutBucketOwnershipControls", bucket("plain"));
        ObjectNode twoRules = controls("plain", "ObjectWriter");
        twoRules.withArray("/OwnershipControls/Rules").addObject().put("ObjectOwnership", "BucketOwnerEnforced");
        h.assertError(S3Errors.MALFORMED_XML, "PutBucketOwnershipControls", twoRules);
        h.assertError(S3Errors.NO_SUCH_BUCKET, "GetBucketOwnershipControls", bucket("elsewhere"));
    }

    @Test
    void theSettingIsSavedAndFilesOfEarlierBuildsMeanTheDefault() throws Exception {
        h.call("CreateBucket", bucket("writer").put("ObjectOwnership", "ObjectWriter").put("ACL", "public-read"));
        h.createBucket("removed");
        h.call("DeleteBucketOwnershipControls", bucket("removed"));
        h.createBucket("old");
        h.s3.save(dataDir);

        S3Harness after = new S3Harness();
        after.s3.load(dataDir);
        assertThat(after.call("GetBucketOwnershipControls", bucket("writer")))
                .isEqualTo(h.call("GetBucketOwnershipControls", bucket("writer")));
        after.assertError(S3Errors.INVALID_BUCKET_ACL_WITH_OBJECT_OWNERSHIP, "PutBucketOwnershipControls",
                controls("writer", "BucketOwnerEnforced"));
        after.assertError(S3Errors.OWNERSHIP_CONTROLS_NOT_FOUND, "GetBucketOwnershipControls", bucket("removed"));

        Path manifest;
        try (Stream<Path> files = Files.walk(dataDir)) {
            manifest = files.filter(p -> p.endsWith("bucket.json") && p.getParent().getFileName().toString()
                    .contains("old")).findFirst().orElseThrow();
        }
        String text = Files.readString(manifest);
        assertThat(text).contains("\"objectOwnership\"");
        String earlier = text.replaceAll(",?\\s*\"objectOwnership\"\\s*:\\s*\"[A-Za-z]+\"", "")
                .replaceAll(",?\\s*\"aclGrantsOthers\"\\s*:\\s*(true|false)", "");
        assertThat(earlier).doesNotContain("objectOwnership").doesNotContain("aclGrantsOthers");
        Files.writeString(manifest, earlier);
        S3Harness older = new S3Harness();
        older.s3.load(dataDir);
        assertThat(older.call("GetBucketOwnershipControls", bucket("old"))
                .at("/OwnershipControls/Rules/0/ObjectOwnership").asText()).isEqualTo("BucketOwnerEnforced");
    }
}
