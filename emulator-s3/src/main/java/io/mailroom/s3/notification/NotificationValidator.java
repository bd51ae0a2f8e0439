package io.mailroom.s3.notification;

import io.mailroom.core.error.AwsException;
import io.mailroom.s3.S3Errors;
import java.util.List;

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
        if (!skipDestinationValidation
                && !rules.stream().allMatch(r -> ports.reachable(r.destination(), bucketRegion))) {
            throw unableToValidate();
        }
    }

    private static boolean overlap(NotificationRule a, NotificationRule b) {
        boolean commonEvent = a.events().stream().anyMatch(x -> b.events().stream().anyMatch(y -> EventTypes.intersect(x, y)));
        return commonEvent && a.filter().overlaps(b.filter());
    }

    public static AwsException unableToValidate() {
        return S3Errors.INVALID_ARGUMENT.exception("Unable to validate the following destination configurations");
    }
}
