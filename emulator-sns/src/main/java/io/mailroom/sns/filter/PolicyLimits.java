package io.mailroom.sns.filter;

import java.util.ArrayList;
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
    /** Past this many expanded {@code $or} branches a policy is too complex whatever they hold. */
    private static final long MAX_BRANCHES = 10_000;

    private PolicyLimits() {
    }

    /** The limit the policy goes beyond, in AWS's words; null when it is within both. */
    static String exceeded(ObjectRule root) {
        List<long[]> branches = branches(root, 1);
        if (branches == null) {
            return tooComplex();
        }
        long combinations = 0;
        for (long[] branch : branches) {
            if (branch[0] > MAX_KEYS) {
                return "Filter policy can not have more than " + MAX_KEYS + " keys";
            }
            combinations += branch[1];
        }
        return combinations > MAX_COMBINATIONS ? tooComplex() : null;
    }

    private static String tooComplex() {
        return "Filter policy is too complex";
    }

    /**
     * Each AND-branch of the policy as {keys, combinations}, or null when there are too many to count. A key
     * nested {@code depth} keys deep counts its values {@code depth} times over: AWS's documented example,
     * 4 values three keys deep, 3 values two deep and 3 at the top, is 3×4 × 2×3 × 1×3 = 216 combinations.
     * {@code $or} adds no depth.
     */
    private static List<long[]> branches(ObjectRule rule, int depth) {
        List<long[]> current = new ArrayList<>();
        current.add(new long[] {0, 1});
        for (FieldRule field : rule.fields()) {
            List<long[]> add = field.isLeaf()
                    ? List.of(new long[] {1, (long) field.valueCount() * depth})
                    : branches(field.nested(), depth + 1);
            current = cross(current, add);
            if (current == null) {
                return null;
            }
        }
        for (List<ObjectRule> alternatives : rule.anyOf()) {
            List<long[]> add = new ArrayList<>();
            for (ObjectRule alternative : alternatives) {
                List<long[]> branches = branches(alternative, depth);
                if (branches == null) {
                    return null;
                }
                add.addAll(branches);
            }
            current = cross(current, add);
            if (current == null) {
                return null;
            }
        }
        return current;
    }

    private static List<long[]> cross(List<long[]> left, List<long[]> right) {
        if (right == null || (long) left.size() * right.size() > MAX_BRANCHES) {
            return null;
        }
        List<long[]> out = new ArrayList<>(left.size() * right.size());
        for (long[] l : left) {
            for (long[] r : right) {
                out.add(new long[] {l[0] + r[0], Math.min(l[1] * r[1], Long.MAX_VALUE / 1024)});
            }
        }
        return out;
    }
}
