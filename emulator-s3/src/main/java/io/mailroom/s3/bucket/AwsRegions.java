package io.mailroom.s3.bucket;

import io.mailroom.s3.S3Model;
import java.util.HashSet;
import java.util.Set;

/**
 * The regions AWS has, as S3's bundled model lists them for location constraints, with us-east-1, whose
 * buckets have none. S3 refuses a well-formed name of a region that does not exist ({@code eu-east-1}) as it
 * refuses any other unknown value.
 */
public final class AwsRegions {
    private static final Set<String> KNOWN = known();

    private AwsRegions() {
    }

    public static boolean exists(String region) {
        return KNOWN.contains(region);
    }

    private static Set<String> known() {
        Set<String> regions = new HashSet<>(S3Model.MODEL.shape("BucketLocationConstraint").enumValues());
        regions.remove("EU");
        regions.add(BucketLocation.US_EAST_1);
        return Set.copyOf(regions);
    }
}
