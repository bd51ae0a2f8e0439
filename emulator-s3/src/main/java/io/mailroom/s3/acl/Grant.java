package io.mailroom.s3.acl;

import java.util.Set;

/** One permission for one grantee. */
public record Grant(Grantee grantee, String permission) {
    public static final String FULL_CONTROL = "FULL_CONTROL";
    public static final String READ = "READ";
    public static final String WRITE = "WRITE";
    public static final String READ_ACP = "READ_ACP";
    public static final String WRITE_ACP = "WRITE_ACP";
    private static final Set<String> PERMISSIONS = Set.of(FULL_CONTROL, READ, WRITE, READ_ACP, WRITE_ACP);

    public Grant {
        if (grantee == null || !PERMISSIONS.contains(permission)) {
            throw AccessControlList.malformed();
        }
    }
}
