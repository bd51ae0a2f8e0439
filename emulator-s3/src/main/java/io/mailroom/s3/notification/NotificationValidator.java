package io.mailroom.s3.notification;

import io.mailroom.core.error.AwsException;
import io.mailroom.s3.S3Errors;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * What S3 checks about a configuration before accepting it
 * (https://docs.aws.amazon.com/AmazonS3/latest/userguide/notification-how-to-filtering.html#notification-how-to-filtering-examples-invalid):
 * no two configurations may share an event type with overlapping key filters, whatever their
 * destinations; and every destination must exist and be reachable, unless the request asks to skip that
 * check ({@code x-amz-skip-destination-validation}).
 */
public final class NotificationValidator {
    private NotificationValidator() {
    }

    public static void validate(NotificationConfiguration config, DestinationPorts ports, String bucketRegion,
                                boolean skipDestinationValidation) {
        List<NotificationRule> rules = config.rules();
        for (int i = 0; i < rules.size(); i++) {
            for (int j = i + 1; j < rules.size(); j++) {
                if (overlap(rules.get(i), rules.get(j))) {
                    throw S3Errors.INVALID_ARGUMENT.exception("Configurations overlap. Configurations on the same"
                            + " bucket cannot share a common event type.");
                }
            }
        }
        Set<Destination> destinations = new LinkedHashSet<>();
        rules.forEach(r -> destinations.add(r.destination()));
        AwsException refused = null;
        int n = 0;
        for (Destination d : destinations) {
            // Skipping validation stores destinations S3 cannot reach yet; a function there is none of here
            // could never be stored, so it is refused even then.
            if (skipDestinationValidation && !(d instanceof Destination.Function)) {
                continue;
            }
            Optional<String> refusal = ports.refusal(d, bucketRegion);
            if (refusal.isPresent()) {
                n++;
                refused = (refused == null ? unableToValidate() : refused)
                        .with("ArgumentName" + n, argumentName(d)).with("ArgumentValue" + n, refusal.get());
            }
        }
        if (refused != null) {
            throw refused;
        }
    }

    /**
     * S3 names each destination it could not validate by its ARN; a function's with its qualifier, which
     * is "null" for an unqualified ARN
     * (https://github.com/awslabs/aws-lambda-redshift-loader/issues/219 shows AWS's answer).
     */
    private static String argumentName(Destination d) {
        return d instanceof Destination.Function ? d.arn() + ", null" : d.arn();
    }

    private static boolean overlap(NotificationRule a, NotificationRule b) {
        boolean commonEvent = a.events().stream().anyMatch(x -> b.events().stream().anyMatch(y -> EventTypes.intersect(x, y)));
        return commonEvent && a.filter().overlaps(b.filter());
    }

    private static AwsException unableToValidate() {
        return S3Errors.INVALID_ARGUMENT.exception("Unable to validate the following destination configurations");
    }
}
