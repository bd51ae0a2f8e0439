package io.mailroom.s3.listing;

import io.mailroom.s3.S3Errors;
import java.nio.charset.StandardCharsets;
import java.util.Base64;

/**
 * ListObjectsV2's opaque continuation token: where the next page starts, base64url-encoded so clients
 * cannot mistake it for a key. A token that does not decode answers InvalidArgument, as S3 does.
 */
public final class ContinuationToken {
    private static final String VERSION = "1";

    private ContinuationToken() {
    }

    public static String encode(ListingStart next) {
        String text = VERSION + (next.inclusive() ? 'F' : 'A') + next.key();
        return Base64.getUrlEncoder().withoutPadding().encodeToString(text.getBytes(StandardCharsets.UTF_8));
    }

    public static ListingStart decode(String token) {
        String text;
        try {
            text = new String(Base64.getUrlDecoder().decode(token), StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            throw invalid();
        }
        if (text.length() < 2 || !text.startsWith(VERSION)) {
            throw invalid();
        }
        String key = text.substring(2);
        return switch (text.charAt(1)) {
            case 'F' -> ListingStart.from(key);
            case 'A' -> ListingStart.after(key);
            default -> throw invalid();
        };
    }

    private static RuntimeException invalid() {
        return S3Errors.INVALID_ARGUMENT.exception("The continuation token provided is incorrect")
                .with("ArgumentName", "continuation-token");
    }
}
