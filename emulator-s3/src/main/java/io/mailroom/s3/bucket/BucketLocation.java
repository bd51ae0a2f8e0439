package io.mailroom.s3.bucket;

import io.mailroom.s3.S3Errors;

/**
 * Where CreateBucket puts a bucket, from the region the request was signed for and the
 * {@code LocationConstraint} it carries.
 *
 * <ul>
 * <li>us-east-1 (the legacy global endpoint) takes no constraint, and refuses an explicit
 *     {@code us-east-1} with InvalidLocationConstraint; any other constraint creates the bucket there.</li>
 * <li>Every other regional endpoint needs a constraint naming its own region, or answers
 *     IllegalLocationConstraintException.</li>
 * <li>{@code EU} is the legacy name of eu-west-1, and is reported back as given by GetBucketLocation.</li>
 * </ul>
 * https://docs.aws.amazon.com/AmazonS3/latest/API/API_CreateBucket.html
 *
 * @param region             the bucket's region
 * @param locationConstraint what GetBucketLocation reports: null for us-east-1
 */
public record BucketLocation(String region, String locationConstraint) {
    public static final String US_EAST_1 = "us-east-1";

    public static BucketLocation resolve(String requestRegion, String constraint) {
        boolean unspecified = constraint == null || constraint.isEmpty();
        if (US_EAST_1.equals(requestRegion)) {
            if (unspecified) {
                return new BucketLocation(US_EAST_1, null);
            }
            String region = regionOf(constraint);
            if (region.equals(US_EAST_1)) {
                throw invalid(constraint);
            }
            return new BucketLocation(region, constraint);
        }
        if (unspecified) {
            throw S3Errors.ILLEGAL_LOCATION_CONSTRAINT.exception("The unspecified location constraint is incompatible"
                    + " for the region specific endpoint this request was sent to.");
        }
        if (!regionOf(constraint).equals(requestRegion)) {
            throw S3Errors.ILLEGAL_LOCATION_CONSTRAINT.exception("The %s location constraint is incompatible for the"
                    + " region specific endpoint this request was sent to.", constraint);
        }
        return new BucketLocation(requestRegion, constraint);
    }

    private static String regionOf(String constraint) {
        if ("EU".equals(constraint)) {
            return "eu-west-1";
        }
        if (!AwsRegions.exists(constraint)) {
            throw invalid(constraint);
        }
        return constraint;
    }

    private static RuntimeException invalid(String constraint) {
        return S3Errors.INVALID_LOCATION_CONSTRAINT.exception("The specified location-constraint is not valid")
                .with("LocationConstraint", constraint);
    }
}
