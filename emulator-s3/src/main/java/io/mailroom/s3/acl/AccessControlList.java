package io.mailroom.s3.acl;

import com.fasterxml.jackson.databind.JsonNode;
import io.mailroom.core.error.AwsException;
import io.mailroom.s3.S3Errors;
import io.mailroom.s3.api.Input;
import io.mailroom.s3.ownership.ObjectOwnership;
import java.util.ArrayList;
import java.util.List;

/**
 * A bucket's or object's ACL: its grants, in order; the owner is the bucket's (one account owns all here).
 * Canned ACLs expand as https://docs.aws.amazon.com/AmazonS3/latest/userguide/acl-overview.html#canned-acl
 * lists them; where the canned ACL names the bucket owner, who is also the object's owner here, the owner's
 * full control covers it.
 */
public record AccessControlList(List<Grant> grants) {
    /** S3's limit on the grants of one ACL. */
    static final int MAX_GRANTS = 100;

    public AccessControlList {
        grants = List.copyOf(grants);
        if (grants.size() > MAX_GRANTS) {
            throw malformed();
        }
    }

    public static AccessControlList ownerOnly(String ownerId) {
        return new AccessControlList(List.of(new Grant(Grantee.user(ownerId), Grant.FULL_CONTROL)));
    }

    /** @param canned a value of the model's BucketCannedACL or ObjectCannedACL enum */
    public static AccessControlList canned(String canned, String ownerId) {
        List<Grant> grants = new ArrayList<>(ownerOnly(ownerId).grants());
        switch (canned) {
            case "public-read" -> grants.add(new Grant(Grantee.group(Grantee.ALL_USERS), Grant.READ));
            case "public-read-write" -> {
                grants.add(new Grant(Grantee.group(Grantee.ALL_USERS), Grant.READ));
                grants.add(new Grant(Grantee.group(Grantee.ALL_USERS), Grant.WRITE));
            }
            case "authenticated-read" -> grants.add(new Grant(Grantee.group(Grantee.AUTHENTICATED_USERS), Grant.READ));
            case "private", "bucket-owner-read", "bucket-owner-full-control", "aws-exec-read" -> {
                // The owner alone (aws-exec-read's EC2 grant is for AMI bundles, which do not exist here).
            }
            default -> throw S3Errors.INVALID_ARGUMENT.exception("Invalid canned ACL: %s", canned);
        }
        return new AccessControlList(grants);
    }

    /** The {@code AccessControlPolicy} body of PutBucketAcl or PutObjectAcl. */
    public static AccessControlList fromPolicy(JsonNode policy) {
        JsonNode list = policy.get("Grants");
        if (list == null || !list.isArray()) {
            throw malformed();
        }
        List<Grant> grants = new ArrayList<>();
        for (JsonNode g : list) {
            JsonNode grantee = g.get("Grantee");
            String type = Input.text(grantee, "Type");
            Grantee who = switch (type == null ? "" : type) {
                case "CanonicalUser" -> Grantee.user(Input.text(grantee, "ID"));
                case "Group" -> Grantee.group(Input.text(grantee, "URI"));
                case "AmazonCustomerByEmail" -> Grantee.byEmail(Input.text(grantee, "EmailAddress"));
                default -> throw malformed();
            };
            grants.add(new Grant(who, Input.text(g, "Permission")));
        }
        return new AccessControlList(grants);
    }

    /**
     * Refuses this ACL as a bucket's under {@code ownership} if it grants others where the bucket owner is enforced
     * (InvalidBucketAclWithObjectOwnership), at CreateBucket or when the setting changes to BucketOwnerEnforced.
     */
    public void requireAllowedUnder(ObjectOwnership ownership, String ownerId) {
        if (ownership == ObjectOwnership.BUCKET_OWNER_ENFORCED && !onlyOwner(ownerId)) {
            throw S3Errors.INVALID_BUCKET_ACL_WITH_OBJECT_OWNERSHIP.exception(
                    "Bucket cannot have ACLs set with ObjectOwnership's BucketOwnerEnforced setting");
        }
    }

    /** Whether the owner has full control and nobody else has anything. */
    public boolean onlyOwner(String ownerId) {
        return !grants.isEmpty() && grants.stream().allMatch(g -> g.permission().equals(Grant.FULL_CONTROL)
                && ownerId.equals(g.grantee().id()));
    }

    static AwsException malformed() {
        return S3Errors.MALFORMED_ACL.exception(
                "The XML you provided was not well-formed or did not validate against our published schema");
    }
}
