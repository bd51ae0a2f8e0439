package io.mailroom.s3;

import static io.mailroom.s3.S3Harness.bytes;
import static io.mailroom.s3.S3Harness.obj;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.mailroom.s3.bucket.Owner;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Bucket and object ACLs: disabled with BucketOwnerEnforced, kept and reported with the other settings. */
class AclTest {
    private static final String ALL_USERS = "http://acs.amazonaws.com/groups/global/AllUsers";
    private static final String AUTHENTICATED = "http://acs.amazonaws.com/groups/global/AuthenticatedUsers";
    private final S3Harness h = new S3Harness();
    private final Owner owner = new Owner(S3Harness.ACCOUNT);
    private final String other = "b".repeat(64);

    @TempDir
    Path dataDir;

    @BeforeEach
    void buckets() {
        h.createBucket("enforced");
        h.call("CreateBucket", bucket("writer").put("ObjectOwnership", "ObjectWriter"));
    }

    private static ObjectNode bucket(String name) {
        return obj().put("Bucket", name);
    }

    private static ObjectNode key(String bucket, String key) {
        return bucket(bucket).put("Key", key);
    }

    private void put(String bucket, String key, String cannedAcl) {
        ObjectNode in = key(bucket, key).put("Body", bytes("x"));
        if (cannedAcl != null) {
            in.put("ACL", cannedAcl);
        }
        h.call("PutObject", in);
    }

    /** Each grant as "type:id-or-uri:permission", in order. */
    private static List<String> grants(ObjectNode answer) {
        List<String> out = new ArrayList<>();
        for (JsonNode g : answer.get("Grants")) {
            JsonNode who = g.get("Grantee");
            out.add(who.get("Type").asText() + ":" + (who.has("ID") ? who.get("ID").asText() : who.get("URI").asText())
                    + ":" + g.get("Permission").asText());
        }
        return out;
    }

    private String ownerFull() {
        return "CanonicalUser:" + owner.canonicalId() + ":FULL_CONTROL";
    }

    @Test
    void withAclsDisabledReadsShowTheOwnersFullControlAndWritesAreRefused() {
        ObjectNode acl = h.call("GetBucketAcl", bucket("enforced"));
        assertThat(acl.at("/Owner/ID").asText()).isEqualTo(owner.canonicalId());
        // S3 stopped returning display names on November 21, 2025.
        assertThat(acl.at("/Owner").has("DisplayName")).isFalse();
        assertThat(acl.at("/Grants/0/Grantee").has("DisplayName")).isFalse();
        assertThat(grants(acl)).containsExactly(ownerFull());
        put("enforced", "k", "bucket-owner-full-control");
        assertThat(grants(h.call("GetObjectAcl", key("enforced", "k")))).containsExactly(ownerFull());

        h.assertError(S3Errors.ACCESS_CONTROL_LIST_NOT_SUPPORTED, "PutBucketAcl", bucket("enforced").put("ACL", "private"));
        h.assertError(S3Errors.ACCESS_CONTROL_LIST_NOT_SUPPORTED, "PutObjectAcl",
                key("enforced", "k").put("ACL", "bucket-owner-full-control"));
    }

    @Test
    void cannedAclsExpandAsS3DocumentsThem() {
        put("writer", "private", "private");
        put("writer", "default", null);
        put("writer", "public-read", "public-read");
        put("writer", "public-read-write", "public-read-write");
        put("writer", "authenticated-read", "authenticated-read");
        put("writer", "bucket-owner-full-control", "bucket-owner-full-control");
        assertThat(grants(h.call("GetObjectAcl", key("writer", "private")))).containsExactly(ownerFull());
        assertThat(grants(h.call("GetObjectAcl", key("writer", "default")))).containsExactly(ownerFull());
        assertThat(grants(h.call("GetObjectAcl", key("writer", "public-read"))))
                .containsExactly(ownerFull(), "Group:" + ALL_USERS + ":READ");
        assertThat(grants(h.call("GetObjectAcl", key("writer", "public-read-write"))))
                .containsExactly(ownerFull(), "Group:" + ALL_USERS + ":READ", "Group:" + ALL_USERS + ":WRITE");
        assertThat(grants(h.call("GetObjectAcl", key("writer", "authenticated-read"))))
                .containsExactly(ownerFull(), "Group:" + AUTHENTICATED + ":READ");
        assertThat(grants(h.call("GetObjectAcl", key("writer", "bucket-owner-full-control")))).containsExactly(ownerFull());
    }

    @Test
    void grantHeadersAndPolicyBodiesReplaceTheAcl() {
        put("writer", "k", "public-read");
        h.call("PutObjectAcl", key("writer", "k").put("GrantRead", "uri=\"" + ALL_USERS + "\", id=" + other)
                .put("GrantFullControl", "id=\"" + owner.canonicalId() + "\""));
        assertThat(grants(h.call("GetObjectAcl", key("writer", "k"))))
                .containsExactly(ownerFull(), "Group:" + ALL_USERS + ":READ", "CanonicalUser:" + other + ":READ");

        ObjectNode in = key("writer", "k");
        ArrayNode list = in.putObject("AccessControlPolicy").putArray("Grants");
        list.addObject().put("Permission", "WRITE_ACP").putObject("Grantee").put("Type", "CanonicalUser").put("ID", other);
        list.addObject().put("Permission", "READ_ACP").putObject("Grantee").put("Type", "Group").put("URI", AUTHENTICATED);
        h.call("PutObjectAcl", in);
        assertThat(grants(h.call("GetObjectAcl", key("writer", "k"))))
                .containsExactly("CanonicalUser:" + other + ":WRITE_ACP", "Group:" + AUTHENTICATED + ":READ_ACP");
        assertThat(h.call("GetObjectAcl", key("writer", "k")).at("/Grants/0/Grantee").has("DisplayName")).isFalse();

        h.call("PutBucketAcl", bucket("writer").put("ACL", "public-read"));
        assertThat(grants(h.call("GetBucketAcl", bucket("writer"))))
                .containsExactly(ownerFull(), "Group:" + ALL_USERS + ":READ");
    }

    @Test
    void aclRequestsAreCheckedAsS3ChecksThem() {
        put("writer", "k", null);
        h.assertError(S3Errors.MISSING_SECURITY_HEADER, "PutObjectAcl", key("writer", "k"));
        ObjectNode both = key("writer", "k").put("ACL", "private");
        both.putObject("AccessControlPolicy").putArray("Grants");
        h.assertError(S3Errors.UNEXPECTED_CONTENT, "PutObjectAcl", both);
        h.assertError(S3Errors.INVALID_REQUEST, "PutObjectAcl",
                key("writer", "k").put("ACL", "private").put("GrantRead", "id=" + other));
        h.assertError(S3Errors.INVALID_ARGUMENT, "PutObjectAcl", key("writer", "k").put("GrantRead", "id=short"));
        h.assertError(S3Errors.INVALID_ARGUMENT, "PutObjectAcl",
                key("writer", "k").put("GrantRead", "uri=http://example.com/group"));
        h.assertError(S3Errors.UNRESOLVABLE_GRANT_BY_EMAIL_ADDRESS, "PutObjectAcl",
                key("writer", "k").put("GrantRead", "emailAddress=\"someone@example.com\""));

        ObjectNode badPermission = key("writer", "k");
        badPermission.putObject("AccessControlPolicy").putArray("Grants").addObject().put("Permission", "OWN")
                .putObject("Grantee").put("Type", "CanonicalUser").put("ID", other);
        h.assertError(S3Errors.MALFORMED_ACL, "PutObjectAcl", badPermission);
        ObjectNode noType = key("writer", "k");
        noType.putObject("AccessControlPolicy").putArray("Grants").addObject().put("Permission", "READ")
                .putObject("Grantee").put("ID", other);
        h.assertError(S3Errors.MALFORMED_ACL, "PutObjectAcl", noType);
        ObjectNode tooMany = key("writer", "k");
        ArrayNode list = tooMany.putObject("AccessControlPolicy").putArray("Grants");
        for (int i = 0; i < 101; i++) {
            list.addObject().put("Permission", "READ").putObject("Grantee").put("Type", "CanonicalUser").put("ID", other);
        }
        h.assertError(S3Errors.MALFORMED_ACL, "PutObjectAcl", tooMany);
        assertThat(grants(h.call("GetObjectAcl", key("writer", "k")))).containsExactly(ownerFull());

        h.assertError(S3Errors.NO_SUCH_KEY, "GetObjectAcl", key("writer", "missing"));
        h.assertError(S3Errors.NO_SUCH_KEY, "PutObjectAcl", key("writer", "missing").put("ACL", "private"));
        h.assertError(S3Errors.NO_SUCH_BUCKET, "GetBucketAcl", bucket("elsewhere"));
    }

    @Test
    void aCopyTakesTheRequestedAclNotTheSourcesAndACompletedUploadTheOneItStartedWith() {
        put("writer", "source", "public-read");
        h.call("CopyObject", key("writer", "copy").put("CopySource", "writer/source"));
        assertThat(grants(h.call("GetObjectAcl", key("writer", "copy")))).containsExactly(ownerFull());
        h.call("CopyObject", key("writer", "copy2").put("CopySource", "writer/source").put("ACL", "authenticated-read"));
        assertThat(grants(h.call("GetObjectAcl", key("writer", "copy2"))))
                .containsExactly(ownerFull(), "Group:" + AUTHENTICATED + ":READ");

        String upload = h.call("CreateMultipartUpload", key("writer", "mp").put("ACL", "public-read"))
                .get("UploadId").asText();
        String etag = h.call("UploadPart", key("writer", "mp").put("UploadId", upload).put("PartNumber", 1)
                .put("Body", bytes("part"))).get("ETag").asText();
        ObjectNode complete = key("writer", "mp").put("UploadId", upload);
        complete.putObject("MultipartUpload").putArray("Parts").addObject().put("PartNumber", 1).put("ETag", etag);
        h.call("CompleteMultipartUpload", complete);
        assertThat(grants(h.call("GetObjectAcl", key("writer", "mp"))))
                .containsExactly(ownerFull(), "Group:" + ALL_USERS + ":READ");
    }

    @Test
    void aclsAreSavedWithTheDataDirectory() {
        put("writer", "k", "public-read");
        h.call("PutBucketAcl", bucket("writer").put("ACL", "authenticated-read"));
        h.s3.save(dataDir);
        S3Harness after = new S3Harness();
        after.s3.load(dataDir);
        assertThat(grants(after.call("GetObjectAcl", key("writer", "k"))))
                .containsExactly(ownerFull(), "Group:" + ALL_USERS + ":READ");
        assertThat(grants(after.call("GetBucketAcl", bucket("writer"))))
                .containsExactly(ownerFull(), "Group:" + AUTHENTICATED + ":READ");
    }
}
