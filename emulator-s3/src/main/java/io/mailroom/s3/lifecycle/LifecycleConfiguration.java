package io.mailroom.s3.lifecycle;

import com.fasterxml.jackson.databind.JsonNode;
import io.mailroom.s3.object.StoredObject;
import io.mailroom.s3.object.UtcMidnight;
import java.util.List;

/**
 * A bucket's lifecycle configuration (read by {@link LifecycleParser}) and what its rules do to an object next. When rules disagree, the earliest action wins and on the same day an expiration
 * beats a transition (https://docs.aws.amazon.com/AmazonS3/latest/userguide/lifecycle-conflicts.html). Objects under
 * 128 KiB are not transitioned unless a rule filters by size, or go to the Glacier classes only with
 * {@code varies_by_storage_class} (https://docs.aws.amazon.com/AmazonS3/latest/userguide/lifecycle-transition-general-considerations.html).
 *
 * @param source            the configuration as set, returned by GetBucketLifecycleConfiguration
 * @param minimumObjectSize TransitionDefaultMinimumObjectSize
 */
public record LifecycleConfiguration(JsonNode source, List<LifecycleRule> rules, String minimumObjectSize) {
    public static final String ALL_CLASSES_128K = "all_storage_classes_128K";
    public static final String VARIES_BY_CLASS = "varies_by_storage_class";
    private static final long SMALL_OBJECT = 128 * 1024;
    /** Storage classes from warmest to coldest, as transitions may only go. */
    /**
     * Storage classes from warmest to coldest, the only way transitions go
     * (https://docs.aws.amazon.com/AmazonS3/latest/userguide/lifecycle-transition-general-considerations.html).
     */
    static final List<String> COLDNESS = List.of("STANDARD", "STANDARD_IA", "INTELLIGENT_TIERING", "ONEZONE_IA",
            "GLACIER_IR", "GLACIER", "DEEP_ARCHIVE");

    public LifecycleConfiguration {
        rules = List.copyOf(rules);
    }

    /** What a rule does to an object next. */
    public sealed interface Action {
        long at();

        String ruleId();
    }

    public record Expire(long at, String ruleId) implements Action {
    }

    public record Move(long at, String ruleId, String storageClass) implements Action {
    }

    /** The next action on {@code object}, or null when no enabled rule has one for it. */
    public Action next(StoredObject object) {
        Expire expire = expiration(object);
        Move move = null;
        int current = COLDNESS.indexOf(object.storageClass());
        for (LifecycleRule rule : rules) {
            if (!rule.enabled() || !rule.filter().matches(object)) {
                continue;
            }
            for (LifecycleRule.Transition t : rule.transitions()) {
                int target = COLDNESS.indexOf(t.storageClass());
                if (target <= current || !bigEnough(object, rule, t.storageClass())) {
                    continue;
                }
                long at = t.at(object.lastModified());
                if (move == null || at < move.at()
                        || at == move.at() && target > COLDNESS.indexOf(move.storageClass())) {
                    move = new Move(at, rule.id(), t.storageClass());
                }
            }
        }
        if (expire != null && (move == null || expire.at() <= move.at())) {
            return expire;
        }
        return move;
    }

    /** When {@code object} expires and by which rule ({@code x-amz-expiration}), or null. */
    public Expire expiration(StoredObject object) {
        Expire earliest = null;
        for (LifecycleRule rule : rules) {
            Long at = rule.enabled() && rule.filter().matches(object) ? rule.expiresAt(object.lastModified()) : null;
            if (at != null && (earliest == null || at < earliest.at())) {
                earliest = new Expire(at, rule.id());
            }
        }
        return earliest;
    }

    /** When an upload of {@code key} begun at {@code initiated} is aborted, and by which rule; or null. */
    public Expire abortion(String key, long initiated) {
        Expire earliest = null;
        for (LifecycleRule rule : rules) {
            if (rule.enabled() && rule.abortDays() != null && rule.filter().matchesKey(key)) {
                long at = UtcMidnight.afterDays(initiated, rule.abortDays());
                if (earliest == null || at < earliest.at()) {
                    earliest = new Expire(at, rule.id());
                }
            }
        }
        return earliest;
    }

    private boolean bigEnough(StoredObject object, LifecycleRule rule, String storageClass) {
        if (object.size() >= SMALL_OBJECT || rule.filter().hasSize()) {
            return true;
        }
        return VARIES_BY_CLASS.equals(minimumObjectSize)
                && (storageClass.equals("GLACIER") || storageClass.equals("DEEP_ARCHIVE"));
    }

    /** A {@code LifecycleConfiguration} as PutBucketLifecycleConfiguration decodes it, with S3's errors. */
    public static LifecycleConfiguration parse(JsonNode configuration, String minimumObjectSize) {
        return LifecycleParser.parse(configuration, minimumObjectSize);
    }
}
