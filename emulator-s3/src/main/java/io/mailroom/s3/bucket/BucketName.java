package io.mailroom.s3.bucket;

import io.mailroom.s3.S3Errors;
import java.util.List;
import java.util.regex.Pattern;

/**
 * General purpose bucket naming rules, checked on CreateBucket:
 * https://docs.aws.amazon.com/AmazonS3/latest/userguide/bucketnamingrules.html
 */
public final class BucketName {
    private static final Pattern ALLOWED = Pattern.compile("[a-z0-9][a-z0-9.-]{1,61}[a-z0-9]");
    private static final Pattern IP_ADDRESS = Pattern.compile("\\d{1,3}\\.\\d{1,3}\\.\\d{1,3}\\.\\d{1,3}");
    private static final List<String> RESERVED_PREFIXES = List.of("xn--", "sthree-", "amzn-s3-demo-");
    private static final List<String> RESERVED_SUFFIXES = List.of("-s3alias", "--ol-s3", ".mrap", "--x-s3", "--table-s3");

    private BucketName() {
    }

    public static void validate(String name) {
        if (!isValid(name)) {
            throw S3Errors.INVALID_BUCKET_NAME.exception("The specified bucket is not valid.").with("BucketName", name);
        }
    }

    static boolean isValid(String name) {
        return name != null && ALLOWED.matcher(name).matches() && !name.contains("..")
                && !IP_ADDRESS.matcher(name).matches()
                && RESERVED_PREFIXES.stream().noneMatch(name::startsWith)
                && RESERVED_SUFFIXES.stream().noneMatch(name::endsWith);
    }
}
