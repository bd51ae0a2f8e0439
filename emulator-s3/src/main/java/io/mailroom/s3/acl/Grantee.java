package io.mailroom.s3.acl;

import io.mailroom.s3.S3Errors;
import java.util.Set;

/**
 * Who a grant is for: an account by its canonical user id, or one of S3's predefined groups. A grant by
 * e-mail address is refused: no account here has one.
 *
 * @param type {@code CanonicalUser} or {@code Group}, as the {@code xsi:type} attribute names them
 * @param id   the canonical user id of a {@code CanonicalUser}, else null
 * @param uri  the group's URI of a {@code Group}, else null
 */
public record Grantee(String type, String id, String uri) {
    public static final String ALL_USERS = "http://acs.amazonaws.com/groups/global/AllUsers";
    public static final String AUTHENTICATED_USERS = "http://acs.amazonaws.com/groups/global/AuthenticatedUsers";
    public static final String LOG_DELIVERY = "http://acs.amazonaws.com/groups/s3/LogDelivery";
    private static final Set<String> GROUPS = Set.of(ALL_USERS, AUTHENTICATED_USERS, LOG_DELIVERY);

    public static Grantee user(String canonicalId) {
        if (canonicalId == null || !canonicalId.matches("[0-9a-f]{64}")) {
            throw S3Errors.INVALID_ARGUMENT.exception("Invalid id");
        }
        return new Grantee("CanonicalUser", canonicalId, null);
    }

    public static Grantee group(String uri) {
        if (!GROUPS.contains(uri)) {
            throw S3Errors.INVALID_ARGUMENT.exception("Invalid group uri");
        }
        return new Grantee("Group", null, uri);
    }

    /** A grantee named by e-mail address, which matches no account here. */
    public static Grantee byEmail(String address) {
        throw S3Errors.UNRESOLVABLE_GRANT_BY_EMAIL_ADDRESS.exception(
                "The e-mail address you provided does not match any account on record.");
    }
}
