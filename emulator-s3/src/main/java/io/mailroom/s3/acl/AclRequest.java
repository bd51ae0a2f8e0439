package io.mailroom.s3.acl;

import com.fasterxml.jackson.databind.JsonNode;
import io.mailroom.core.error.AwsException;
import io.mailroom.s3.S3Errors;
import io.mailroom.s3.ownership.ObjectOwnership;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The ACL a request asks for: a canned ACL ({@code x-amz-acl}) or grant headers ({@code x-amz-grant-*}),
 * never both. With {@link ObjectOwnership#BUCKET_OWNER_ENFORCED} ACLs are disabled and only the bucket
 * owner's full control may be asked for
 * (https://docs.aws.amazon.com/AmazonS3/latest/userguide/object-ownership-error-responses.html).
 *
 * @param canned the canned ACL, or null
 * @param grants grant header member (e.g. {@code GrantRead}) to its value, in request order
 */
public record AclRequest(String canned, Map<String, String> grants) {
    private static final Map<String, String> PERMISSION_OF = Map.of("GrantFullControl", Grant.FULL_CONTROL,
            "GrantRead", Grant.READ, "GrantReadACP", Grant.READ_ACP, "GrantWrite", Grant.WRITE,
            "GrantWriteACP", Grant.WRITE_ACP);
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
        return new AclRequest(canned, grants);
    }

    public boolean absent() {
        return canned == null && grants.isEmpty();
    }

    /** The ACL asked for; none asked for is the owner's full control alone. */
    public AccessControlList toAcl(String ownerId) {
        if (canned != null) {
            return AccessControlList.canned(canned, ownerId);
        }
        if (grants.isEmpty()) {
            return AccessControlList.ownerOnly(ownerId);
        }
        List<Grant> out = new ArrayList<>();
        GRANT_MEMBERS.stream().filter(grants::containsKey).forEach(member -> {
            for (String part : grants.get(member).split(",")) {
                out.add(new Grant(grantee(part), PERMISSION_OF.get(member)));
            }
        });
        return new AccessControlList(out);
    }

    /**
     * The ACL of an object written with this request, or null for the default (the owner's full control).
     * Where the bucket's ownership setting disables ACLs only {@code bucket-owner-full-control} or grant
     * headers that amount to it are taken; even {@code private} is refused.
     */
    public AccessControlList forObject(ObjectOwnership ownership, String ownerId) {
        if (absent()) {
            return null;
        }
        AccessControlList acl = toAcl(ownerId);
        boolean ownerOnly = canned != null ? canned.equals("bucket-owner-full-control") : acl.onlyOwner(ownerId);
        if (ownership == ObjectOwnership.BUCKET_OWNER_ENFORCED && !ownerOnly) {
            throw notSupported();
        }
        return acl;
    }

    public static AwsException notSupported() {
        return S3Errors.ACCESS_CONTROL_LIST_NOT_SUPPORTED.exception("The bucket does not allow ACLs");
    }

    /** One grantee of a header's comma-separated list: {@code id=...}, {@code uri=...} or {@code emailAddress=...}. */
    private static Grantee grantee(String part) {
        Matcher m = GRANTEE.matcher(part);
        if (!m.matches()) {
            throw S3Errors.INVALID_ARGUMENT.exception("Argument format not recognized");
        }
        String value = m.group(2);
        if (value.length() >= 2 && value.startsWith("\"") && value.endsWith("\"")) {
            value = value.substring(1, value.length() - 1);
        }
        return switch (m.group(1)) {
            case "id" -> Grantee.user(value);
            case "uri" -> Grantee.group(value);
            default -> Grantee.byEmail(value);
        };
    }
}
