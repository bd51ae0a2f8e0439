package io.mailroom.sns.filter;

import java.util.List;

/**
 * The rule for one key of a policy object: either leaf conditions (any of them, against any value),
 * or a nested object rule (message-body scope only).
 *
 * @param matchesAbsent whether the key's absence satisfies the rule ({@code {"exists": false}})
 * @param valueCount    how many values the policy lists for the key, for AWS's combination limit
 */
public record FieldRule(String key, List<Condition> conditions, boolean matchesAbsent, int valueCount,
                        ObjectRule nested) {

    public static FieldRule leaf(String key, List<Condition> conditions, int valueCount) {
        boolean absent = conditions.stream().anyMatch(c -> c instanceof Condition.Exists e && !e.exists());
        return new FieldRule(key, List.copyOf(conditions), absent, valueCount, null);
    }

    public static FieldRule nested(String key, ObjectRule nested) {
        return new FieldRule(key, List.of(), false, 0, nested);
    }

    public boolean isLeaf() {
        return nested == null;
    }

    /** Whether the key may name a nested value in a message body ({@code "a.b"}: {@code b} under {@code a}). */
    boolean dotted() {
        return key.indexOf('.') >= 0;
    }

    /** Whether the values the message has for this key satisfy the leaf conditions. */
    boolean matchesValues(List<FieldValue> values) {
        if (values.isEmpty()) {
            return matchesAbsent;
        }
        for (Condition condition : conditions) {
            for (FieldValue value : values) {
                if (condition.matches(value)) {
                    return true;
                }
            }
        }
        return false;
    }
}
