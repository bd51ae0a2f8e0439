package io.mailroom.it;

import static io.mailroom.it.S3Clients.S3;
import static io.mailroom.it.S3Clients.s3Error;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import org.junit.jupiter.api.Test;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.model.BucketCannedACL;
import software.amazon.awssdk.services.s3.model.GetBucketAclResponse;
import software.amazon.awssdk.services.s3.model.Grant;
import software.amazon.awssdk.services.s3.model.Grantee;
import software.amazon.awssdk.services.s3.model.HeadObjectResponse;
import software.amazon.awssdk.services.s3.model.ObjectCannedACL;
import software.amazon.awssdk.services.s3.model.ObjectOwnership;
import software.amazon.awssdk.services.s3.model.Permission;
import software.amazon.awssdk.services.s3.model.ServerSideEncryption;
import software.amazon.awssdk.services.s3.model.Tag;
import software.amazon.awssdk.services.s3.model.Type;

/**
 * Bucket policies, tags, default encryption, ownership controls and ACLs through S3Client, as a setup script for SES inbound mail
 * sets them: the policy SES's documentation asks for on the bucket receipt rules write to.
 */
class S3BucketSettingsIT {

    @Test
    void policyPutGetDelete() {
        String bucket = S3Clients.createBucket("policy");
        String policy = "{\"Version\":\"2012-10-17\",\"Statement\":[{\"Sid\":\"AllowSESPuts\",\"Effect\":\"Allow\","
                + "\"Principal\":{\"Service\":\"ses.amazonaws.com\"},\"Action\":\"s3:PutObject\","
                + "\"Resource\":\"arn:aws:s3:::" + bucket + "/*\"}]}";
        s3Error("NoSuchBucketPolicy", 404, () -> S3.getBucketPolicy(b -> b.bucket(bucket)));
        S3.putBucketPolicy(b -> b.bucket(bucket).policy(policy));
        assertThat(S3.getBucketPolicy(b -> b.bucket(bucket)).policy()).isEqualTo(policy);
        s3Error("MalformedPolicy", 400, () -> S3.putBucketPolicy(b -> b.bucket(bucket)
                .policy(policy.replace(bucket + "/*", "someone-else/*"))));
        S3.deleteBucketPolicy(b -> b.bucket(bucket));
        s3Error("NoSuchBucketPolicy", 404, () -> S3.getBucketPolicy(b -> b.bucket(bucket)));
    }

    @Test
    void tagsPutGetDelete() {
        String bucket = S3Clients.createBucket("btags");
        s3Error("NoSuchTagSet", 404, () -> S3.getBucketTagging(b -> b.bucket(bucket)));
        S3.putBucketTagging(b -> b.bucket(bucket).tagging(t -> t.tagSet(tag("team", "mail"), tag("env", "test"))));
        assertThat(S3.getBucketTagging(b -> b.bucket(bucket)).tagSet()).containsExactly(tag("team", "mail"), tag("env", "test"));
        s3Error("InvalidTag", 400, () -> S3.putBucketTagging(b -> b.bucket(bucket)
                .tagging(t -> t.tagSet(tag("aws:owner", "x")))));
        S3.deleteBucketTagging(b -> b.bucket(bucket));
        s3Error("NoSuchTagSet", 404, () -> S3.getBucketTagging(b -> b.bucket(bucket)));
    }

    @Test
    void encryptionAsS3ReportsIt() {
        String bucket = S3Clients.createBucket("sse");
        String key = "arn:aws:kms:us-east-1:000000000000:key/1234abcd-12ab-34cd-56ef-1234567890ab";
        assertThat(S3.putObject(b -> b.bucket(bucket).key("plain"), RequestBody.fromString("x")).serverSideEncryption())
                .isEqualTo(ServerSideEncryption.AES256);
        assertThat(S3.getBucketEncryption(b -> b.bucket(bucket)).serverSideEncryptionConfiguration().rules().get(0)
                .applyServerSideEncryptionByDefault().sseAlgorithm()).isEqualTo(ServerSideEncryption.AES256);

        S3.putBucketEncryption(b -> b.bucket(bucket).serverSideEncryptionConfiguration(c -> c.rules(r -> r
                .bucketKeyEnabled(true).applyServerSideEncryptionByDefault(d -> d
                        .sseAlgorithm(ServerSideEncryption.AWS_KMS).kmsMasterKeyID(key)))));
        S3.putObject(b -> b.bucket(bucket).key("kms"), RequestBody.fromString("x"));
        HeadObjectResponse head = S3.headObject(b -> b.bucket(bucket).key("kms"));
        assertThat(head.serverSideEncryption()).isEqualTo(ServerSideEncryption.AWS_KMS);
        assertThat(head.ssekmsKeyId()).isEqualTo(key);
        assertThat(head.bucketKeyEnabled()).isTrue();
        assertThat(S3.headObject(b -> b.bucket(bucket).key("plain")).serverSideEncryption())
                .isEqualTo(ServerSideEncryption.AES256);

        S3.deleteBucketEncryption(b -> b.bucket(bucket));
        assertThat(S3.putObject(b -> b.bucket(bucket).key("again"), RequestBody.fromString("x")).serverSideEncryption())
                .isEqualTo(ServerSideEncryption.AES256);
        s3Error("InvalidArgument", 400, () -> S3.putObject(b -> b.bucket(bucket).key("bad").ssekmsKeyId(key),
                RequestBody.fromString("x")));
    }

    /** What S3 has done since April 2023: new buckets disable ACLs, so uploads that set one fail. */
    @Test
    void newBucketsEnforceTheBucketOwnerAndRefuseAcls() {
        String bucket = S3Clients.createBucket("owned");
        assertThat(S3.getBucketOwnershipControls(b -> b.bucket(bucket)).ownershipControls().rules().get(0)
                .objectOwnership()).isEqualTo(ObjectOwnership.BUCKET_OWNER_ENFORCED);
        s3Error("AccessControlListNotSupported", 400, () -> S3.putObject(b -> b.bucket(bucket).key("public")
                .acl(ObjectCannedACL.PUBLIC_READ), RequestBody.fromString("x")));
        S3.putObject(b -> b.bucket(bucket).key("owned").acl(ObjectCannedACL.BUCKET_OWNER_FULL_CONTROL),
                RequestBody.fromString("x"));
        s3Error("InvalidBucketAclWithObjectOwnership", 400, () -> S3.createBucket(b -> b.bucket(bucket + "-public")
                .acl(BucketCannedACL.PUBLIC_READ)));

        S3.deleteBucketOwnershipControls(b -> b.bucket(bucket));
        s3Error("OwnershipControlsNotFoundError", 404, () -> S3.getBucketOwnershipControls(b -> b.bucket(bucket)));
        S3.putObject(b -> b.bucket(bucket).key("public").acl(ObjectCannedACL.PUBLIC_READ), RequestBody.fromString("x"));
        S3.putBucketOwnershipControls(b -> b.bucket(bucket).ownershipControls(c -> c.rules(r -> r
                .objectOwnership(ObjectOwnership.OBJECT_WRITER))));
        assertThat(S3.getBucketOwnershipControls(b -> b.bucket(bucket)).ownershipControls().rules().get(0)
                .objectOwnership()).isEqualTo(ObjectOwnership.OBJECT_WRITER);

        String writer = bucket + "-writer";
        S3.createBucket(b -> b.bucket(writer).objectOwnership(ObjectOwnership.OBJECT_WRITER)
                .acl(BucketCannedACL.PUBLIC_READ));
        S3.putObject(b -> b.bucket(writer).key("public").acl(ObjectCannedACL.PUBLIC_READ), RequestBody.fromString("x"));
        s3Error("InvalidBucketAclWithObjectOwnership", 400, () -> S3.putBucketOwnershipControls(b -> b.bucket(writer)
                .ownershipControls(c -> c.rules(r -> r.objectOwnership(ObjectOwnership.BUCKET_OWNER_ENFORCED)))));
    }

    /** The grantee's type travels as an xsi:type attribute, which the SDK reads and writes. */
    @Test
    void aclsWhereTheBucketKeepsThem() {
        String enforced = S3Clients.createBucket("acl");
        GetBucketAclResponse owner = S3.getBucketAcl(b -> b.bucket(enforced));
        assertThat(owner.grants()).singleElement().satisfies(g -> {
            assertThat(g.grantee().type()).isEqualTo(Type.CANONICAL_USER);
            assertThat(g.grantee().id()).isEqualTo(owner.owner().id());
            assertThat(g.permission()).isEqualTo(Permission.FULL_CONTROL);
        });
        s3Error("AccessControlListNotSupported", 400, () -> S3.putBucketAcl(b -> b.bucket(enforced)
                .acl(BucketCannedACL.PRIVATE)));

        String writer = enforced + "-writer";
        S3.createBucket(b -> b.bucket(writer).objectOwnership(ObjectOwnership.OBJECT_WRITER));
        S3.putObject(b -> b.bucket(writer).key("k").acl(ObjectCannedACL.PUBLIC_READ), RequestBody.fromString("x"));
        assertThat(S3.getObjectAcl(b -> b.bucket(writer).key("k")).grants())
                .extracting(g -> g.grantee().type() + " " + g.permission())
                .containsExactly("CanonicalUser FULL_CONTROL", "Group READ");

        Grant authenticatedReadAcp = Grant.builder().permission(Permission.READ_ACP).grantee(Grantee.builder()
                .type(Type.GROUP).uri("http://acs.amazonaws.com/groups/global/AuthenticatedUsers").build()).build();
        Grant ownerFull = Grant.builder().permission(Permission.FULL_CONTROL).grantee(Grantee.builder()
                .type(Type.CANONICAL_USER).id(owner.owner().id()).build()).build();
        S3.putObjectAcl(b -> b.bucket(writer).key("k").accessControlPolicy(p -> p.owner(owner.owner())
                .grants(ownerFull, authenticatedReadAcp)));
        assertThat(S3.getObjectAcl(b -> b.bucket(writer).key("k")).grants()).extracting(Grant::grantee, Grant::permission)
                .containsExactly(tuple(ownerFull.grantee(), Permission.FULL_CONTROL),
                        tuple(authenticatedReadAcp.grantee(), Permission.READ_ACP));
        s3Error("NoSuchKey", 404, () -> S3.getObjectAcl(b -> b.bucket(writer).key("missing")));
    }

    private static Tag tag(String key, String value) {
        return Tag.builder().key(key).value(value).build();
    }
}
