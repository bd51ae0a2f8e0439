package io.mailroom.sns.filter;

import java.util.List;

/**
 * The limits on a well-formed filter policy
 * (https://docs.aws.amazon.com/sns/latest/dg/subscription-filter-policy-constraints.html): at most five keys
 * (leaf keys for nested body policies) in each {@code $or} branch, and at most 150 value combinations (the
 * product over keys of each key's value count times its depth, summed over {@code $or} branches).
 */
final class PolicyLimits {
    static final int MAX_KEYS = 5;
    static final long MAX_COMBINATIONS = 150;
    /** Counts stop here: past the limit the exact number no longer matters, and the count cannot overflow. */
    private static final long SATURATED = MAX_COMBINATIONS + 1;

    private PolicyLimits() {
    }

    /** The limit the policy goes beyond, in AWS's words; null when it is within both. */
    static String exceeded(ObjectRule root) {
        Count count = count(root, 1);
        if (count.maxKeys() > MAX_KEYS) {
            return "Filter policy can not have more than " + MAX_KEYS + " keys";
        }
        return count.combinations() > MAX_COMBINATIONS ? "Filter policy is too complex" : null;
    }

    /**
     * The most keys in any AND-branch of the policy and the combinations summed over all of them, without
     * listing the branches (a few {@code $or}s multiply into millions): ANDed parts add their keys and
     * multiply their combinations, {@code $or} alternatives take the most keys and add their combinations.
     * A key nested {@code depth} keys deep counts its values {@code depth} times over: AWS's documented
     * example, 4 values three keys deep, 3 values two deep and 3 at the top, is 3×4 × 2×3 × 1×3 = 216
     * combinations. {@code $or} adds no depth.
     */
    private static Count count(ObjectRule rule, int depth) {
        long keys = 0;
        long combinations = 1;
        for (FieldRule field : rule.fields()) {
            Count part = field.isLeaf()
                    ? new Count(1, saturated((long) field.valueCount() * depth))
                    : count(field.nested(), depth + 1);
            keys = saturated(keys + part.maxKeys());
            combinations = saturated(combinations * part.combinations());
        }
        for (List<ObjectRule> alternatives : rule.anyOf()) {
            long mostKeys = 0;
            long sum = 0;
            for (ObjectRule alternative : alternatives) {
                Count part = count(alternative, depth);
                mostKeys = Math.max(mostKeys, part.maxKeys());
                sum = saturated(sum + part.combinations());
            }
            keys = saturated(keys + mostKeys);
            combinations = saturated(combinations * sum);
        }
        return new Count(keys, combinations);
    }

    private static long saturated(long n) {
        return Math.min(n, SATURATED);
    }

    private record Count(long maxKeys, long combinations) {
    }
}
