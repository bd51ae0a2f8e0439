package io.mailroom.s3.object;

import com.fasterxml.jackson.databind.JsonNode;
import io.mailroom.s3.S3Errors;
import io.mailroom.s3.api.Input;

/**
 * S3 Object Lock, which no bucket here has: requests that ask for it are refused the way S3 refuses them
 * on a bucket without an Object Lock configuration, rather than silently storing unlocked objects.
 */
public final class ObjectLock {
    private ObjectLock() {
    }

    /**
     * PutObject, CopyObject and CreateMultipartUpload with a retention mode, a retain-until date or a legal
     * hold: InvalidRequest, worded (without spaces in "ObjectLockConfiguration") as S3 words it for these
     * three operations.
     */
    public static void refuseRetention(JsonNode input) {
        if (Input.text(input, "ObjectLockMode") != null || Input.text(input, "ObjectLockRetainUntilDate") != null
                || Input.text(input, "ObjectLockLegalHoldStatus") != null) {
            throw S3Errors.INVALID_REQUEST.exception("Bucket is missing ObjectLockConfiguration");
        }
    }

    /**
     * DeleteObject and DeleteObjects with {@code x-amz-bypass-governance-retention}, whatever its value, true
     * or false, as AWS answered both.
     */
    public static void refuseGovernanceBypass(JsonNode input) {
        if (Input.text(input, "BypassGovernanceRetention") != null) {
            throw S3Errors.INVALID_ARGUMENT.exception("x-amz-bypass-governance-retention is only applicable to Object"
                    + " Lock enabled buckets.").with("ArgumentName", "x-amz-bypass-governance-retention");
        }
    }
}
