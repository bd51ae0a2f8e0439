package io.mailroom.s3.ownership;

import com.fasterxml.jackson.databind.JsonNode;
import io.mailroom.s3.S3Errors;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The ACL a write asks for: a canned ACL ({@code x-amz-acl}) or grant headers ({@code x-amz-grant-*}), never
 * both. Mailroom keeps no ACLs, so all that matters is whether the ACL gives anyone but the bucket owner
 * anything: with {@link ObjectOwnership#BUCKET_OWNER_ENFORCED} such a request fails
 * (https://docs.aws.amazon.com/AmazonS3/latest/userguide/object-ownership-error-responses.html).
 *
 * @param canned the canned ACL, or null
 * @param grants grant header member (e.g. {@code GrantRead}) to its value, in request order
 */
public record AclRequest(String canned, Map<String, String> grants) {
    private static final List<String> GRANT_MEMBERS =
            List.of("GrantFullControl", "GrantRead", "GrantReadACP", "GrantWrite", "GrantWriteACP");
    private static final Pattern GRANTEE = Pattern.compile("\\s*(id|uri|emailAddress)\\s*=\\s*(\"[^\"]*\"|[^,\\s]+)\\s*");

    public AclRequest {
        grants = Map.copyOf(grants);
    }

    public static AclRequest of(JsonNode in) {
        JsonNode acl = in.get("ACL");
        Map<String, String> grants = new LinkedHashMap<>();
        for (String member : GRANT_MEMBERS) {
            JsonNode v = in.get(member);
            if (v != null && !v.isNull()) {
                grants.put(member, v.asText());
            }
        }
        String canned = acl == null || acl.isNull() ? null : acl.asText();
        if (canned != null && !grants.isEmpty()) {
            throw S3Errors.INVALID_REQUEST.exception("Specifying both Canned ACLs and Header Grants is not allowed");
        }
        grants.values().forEach(AclRequest::grantees);
        return new AclRequest(canned, grants);
    }

    public boolean absent() {
        return canned == null && grants.isEmpty();
    }

    /**
     * Whether this ACL grants only full control to the bucket owner.
     *
     * @param ownerCanonicalId the bucket owner's canonical user id
     * @param ownerOnlyCanned the canned ACL that means that here: {@code private} for a bucket,
     *                        {@code bucket-owner-full-control} for an object
     */
    public boolean onlyBucketOwner(String ownerCanonicalId, String ownerOnlyCanned) {
        if (canned != null) {
            return canned.equals(ownerOnlyCanned);
        }
        if (grants.size() != 1 || !grants.containsKey("GrantFullControl")) {
            return false;
        }
        String ownerId = "id=" + ownerCanonicalId;
        return grantees(grants.get("GrantFullControl")).stream().allMatch(ownerId::equals);
    }

    /** Refuses this ACL on an object write where the bucket's ownership setting disables ACLs. */
    public void requireAllowedOnObject(ObjectOwnership ownership, String ownerCanonicalId) {
        if (ownership == ObjectOwnership.BUCKET_OWNER_ENFORCED && !absent()
                && !onlyBucketOwner(ownerCanonicalId, "bucket-owner-full-control")) {
            throw S3Errors.ACCESS_CONTROL_LIST_NOT_SUPPORTED.exception("The bucket does not allow ACLs");
        }
    }

    /** Each grantee of a header's comma-separated list as {@code type=value}, quotes removed. */
    private static List<String> grantees(String header) {
        List<String> out = new ArrayList<>();
        for (String part : header.split(",")) {
            Matcher m = GRANTEE.matcher(part);
            if (!m.matches()) {
                throw S3Errors.INVALID_ARGUMENT.exception("Argument format not recognized");
            }
            String value = m.group(2);
            if (value.length() >= 2 && value.startsWith("\"") && value.endsWith("\"")) {
                value = value.substring(1, value.length() - 1);
            }
            out.add(m.group(1) + "=" + value);
        }
        return out;
    }
}
