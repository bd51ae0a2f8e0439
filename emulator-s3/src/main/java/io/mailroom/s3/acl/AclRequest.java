package io.mailroom.s3.acl;

import com.fasterxml.jackson.databind.JsonNode;
import io.mailroom.core.error.AwsException;
import io.mailroom.s3.S3Errors;
import io.mailroom.s3.ownership.ObjectOwnership;
import java.util.ArrayList;
import java.util.Collections;
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
 * @param grants the permission a grant header gives (e.g. {@code READ} for {@code x-amz-grant-read}) to its
 *               comma-separated grantees, in the order of {@link #GRANT_HEADERS}
 */
public record AclRequest(String canned, Map<String, String> grants) {
    /** Each grant header's member and the permission it gives, in the order their grants are listed. */
    private static final List<Map.Entry<String, String>> GRANT_HEADERS = List.of(
            Map.entry("GrantFullControl", Grant.FULL_CONTROL), Map.entry("GrantRead", Grant.READ),
            Map.entry("GrantReadACP", Grant.READ_ACP), Map.entry("GrantWrite", Grant.WRITE),
            Map.entry("GrantWriteACP", Grant.WRITE_ACP));
    private static final Pattern GRANTEE = Pattern.compile("\\s*(id|uri|emailAddress)\\s*=\\s*(\"[^\"]*\"|[^,\\s]+)\\s*");

    public AclRequest {
        grants = Collections.unmodifiableMap(new LinkedHashMap<>(grants));
    }

    public static AclRequest of(JsonNode in) {
        JsonNode acl = in.get("ACL");
        Map<String, String> grants = new LinkedHashMap<>();
        for (Map.Entry<String, String> header : GRANT_HEADERS) {
            JsonNode v = in.get(header.getKey());
            if (v != null && !v.isNull()) {
                grants.put(header.getValue(), v.asText());
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
        grants.forEach((permission, grantees) -> {
            for (String part : grantees.split(",")) {
                out.add(new Grant(grantee(part), permission));
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
