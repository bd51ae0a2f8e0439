package io.mailroom.s3.lifecycle;

import io.mailroom.s3.object.UtcMidnight;
import java.util.List;

/**
 * One rule of a bucket's lifecycle configuration, as it acts on current objects and uploads in progress (this
 * store keeps no noncurrent versions, so the noncurrent-version actions have nothing to act on).
 *
 * @param expirationDays       null unless the rule expires objects a number of days after creation
 * @param expirationDate       epoch millis (a midnight UTC), or null
 * @param transitions          to colder storage classes, by days or date
 * @param abortDays            AbortIncompleteMultipartUpload's DaysAfterInitiation, or null
 */
public record LifecycleRule(String id, boolean enabled, LifecycleFilter filter, Integer expirationDays,
                            Long expirationDate, List<Transition> transitions, Integer abortDays) {

    /** A move to a colder storage class. */
    public record Transition(Integer days, Long date, String storageClass) {

        /** When an object created at {@code created} moves. */
        long at(long created) {
            return date != null ? date : UtcMidnight.afterDays(created, days);
        }
    }

    public LifecycleRule {
        transitions = List.copyOf(transitions);
    }

    /** When an object created at {@code created} expires under this rule; null when the rule does not expire. */
    Long expiresAt(long created) {
        if (expirationDate != null) {
            return expirationDate;
        }
        return expirationDays == null ? null : UtcMidnight.afterDays(created, expirationDays);
    }
}
