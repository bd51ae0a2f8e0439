package io.mailroom.s3.object;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.mailroom.core.request.RequestContext;
import io.mailroom.s3.S3Errors;
import io.mailroom.s3.api.Input;
import java.nio.charset.StandardCharsets;
import java.util.UUID;

/**
 * How S3 says an object is encrypted at rest. Every object is: with SSE-S3 ({@code AES256}) unless the
 * request or the bucket's default asks for SSE-KMS, and S3 reports it on every write and read
 * (https://docs.aws.amazon.com/AmazonS3/latest/userguide/default-encryption-faq.html). Mailroom keeps
 * bytes as they are; what it keeps and reports is the choice.
 *
 * @param algorithm        {@code AES256}, {@code aws:kms} or {@code aws:kms:dsse}
 * @param kmsKeyId         the KMS key's ARN for the KMS algorithms, else null
 * @param bucketKeyEnabled whether an S3 Bucket Key is used (KMS only)
 */
public record Encryption(String algorithm, String kmsKeyId, boolean bucketKeyEnabled) {
    public static final String SSE_S3_ALGORITHM = "AES256";
    public static final Encryption SSE_S3 = new Encryption(SSE_S3_ALGORITHM, null, false);

    public Encryption {
        algorithm = algorithm == null ? SSE_S3_ALGORITHM : algorithm;
    }

    public boolean kms() {
        return isKms(algorithm);
    }

    private static boolean isKms(String algorithm) {
        return algorithm.startsWith("aws:kms");
    }

    /**
     * The encryption a PutObject, CopyObject or CreateMultipartUpload asks for, or the bucket's default.
     * SSE-C needs HTTPS, which this server does not speak, and S3 refuses it over HTTP.
     */
    public static Encryption requested(JsonNode in, Encryption bucketDefault, RequestContext ctx) {
        if (Input.text(in, "SSECustomerAlgorithm") != null || Input.text(in, "SSECustomerKey") != null) {
            throw S3Errors.INVALID_REQUEST.exception("Requests specifying Server Side Encryption with Customer"
                    + " provided keys must be made over a secure connection.");
        }
        String algorithm = Input.text(in, "ServerSideEncryption");
        String keyId = Input.text(in, "SSEKMSKeyId");
        JsonNode bucketKey = in.get("BucketKeyEnabled");
        if (algorithm == null || algorithm.equals(SSE_S3_ALGORITHM)) {
            if (keyId != null) {
                throw S3Errors.INVALID_ARGUMENT.exception("Server Side Encryption with KMS managed key requires HTTP"
                        + " header x-amz-server-side-encryption : aws:kms");
            }
            return algorithm == null ? bucketDefault : SSE_S3;
        }
        requireSupported(algorithm);
        String key = keyId != null ? keyArn(keyId, ctx)
                : bucketDefault.kms() ? bucketDefault.kmsKeyId() : managedKey(ctx);
        boolean useBucketKey = bucketKey != null && !bucketKey.isNull() ? bucketKey.asBoolean()
                : bucketDefault.kms() && bucketDefault.bucketKeyEnabled();
        return new Encryption(algorithm, key, useBucketKey);
    }

    /** A bucket's default encryption rule as PutBucketEncryption sets it. */
    public static Encryption bucketDefault(String algorithm, String keyId, boolean bucketKeyEnabled, RequestContext ctx) {
        if (algorithm.equals(SSE_S3_ALGORITHM)) {
            if (keyId != null) {
                throw S3Errors.INVALID_ARGUMENT.exception("a KMSMasterKeyID is not applicable if the default sse"
                        + " algorithm is not aws:kms or aws:kms:dsse");
            }
            return new Encryption(algorithm, null, bucketKeyEnabled);
        }
        requireSupported(algorithm);
        return new Encryption(algorithm, keyId == null ? managedKey(ctx) : keyArn(keyId, ctx), bucketKeyEnabled);
    }

    /** Beyond SSE-S3, which the callers take first, only the KMS algorithms (aws:kms, aws:kms:dsse). */
    private static void requireSupported(String algorithm) {
        if (!isKms(algorithm)) {
            throw S3Errors.INVALID_ARGUMENT.exception("The encryption method specified is not supported");
        }
    }

    /** Adds {@code ServerSideEncryption}, and for KMS the key and whether a Bucket Key is used. */
    public void writeTo(ObjectNode out) {
        out.put("ServerSideEncryption", algorithm);
        if (kms()) {
            out.put("SSEKMSKeyId", kmsKeyId);
            if (bucketKeyEnabled) {
                out.put("BucketKeyEnabled", true);
            }
        }
    }

    /** A key id, alias or ARN as an ARN in the caller's account and region (S3 reports ARNs). */
    private static String keyArn(String keyId, RequestContext ctx) {
        if (keyId.startsWith("arn:")) {
            return keyId;
        }
        String prefix = "arn:aws:kms:" + ctx.region() + ":" + ctx.accountId() + ":";
        return keyId.startsWith("alias/") ? prefix + keyId : prefix + "key/" + keyId;
    }

    /** The AWS managed key {@code aws/s3} of the account and region: a stable made-up key id. */
    private static String managedKey(RequestContext ctx) {
        UUID id = UUID.nameUUIDFromBytes(("aws/s3:" + ctx.accountId() + ":" + ctx.region())
                .getBytes(StandardCharsets.UTF_8));
        return "arn:aws:kms:" + ctx.region() + ":" + ctx.accountId() + ":key/" + id;
    }
}
