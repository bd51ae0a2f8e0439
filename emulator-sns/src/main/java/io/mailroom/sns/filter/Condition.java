package io.mailroom.sns.filter;

import java.math.BigInteger;
import java.util.Locale;
import java.util.Set;

/**
 * One compiled match condition of a filter policy key: the closed set of AWS's operators
 * (https://docs.aws.amazon.com/sns/latest/dg/sns-subscription-filter-policies.html). A key matches
 * when any of its conditions matches any of the message's values for it.
 */
public sealed interface Condition {

    /** Whether a present value satisfies the condition. */
    boolean matches(FieldValue value);

    /** Exact string matching; all literal strings of one key are folded into one set. */
    record Strings(Set<String> values) implements Condition {
        @Override
        public boolean matches(FieldValue value) {
            return value instanceof FieldValue.Text t && values.contains(t.value());
        }
    }

    /** Exact numeric matching ({@code [5]} matches 5 and 5.0, never the string "5"). */
    record NumberEquals(double number) implements Condition {
        @Override
        public boolean matches(FieldValue value) {
            return value instanceof FieldValue.Number n && n.scaled() == Numbers.scaled(number);
        }
    }

    record BooleanEquals(boolean bool) implements Condition {
        @Override
        public boolean matches(FieldValue value) {
            return value instanceof FieldValue.Bool b && b.value() == bool;
        }
    }

    /** {@code null} in a policy matches a JSON null in the body. */
    record NullEquals() implements Condition {
        @Override
        public boolean matches(FieldValue value) {
            return value instanceof FieldValue.Null;
        }
    }

    /** {@code {"numeric": [">", 0, "<=", 5]}}; an unbounded side is ±infinity. */
    record NumericRange(double lower, boolean lowerInclusive, double upper, boolean upperInclusive)
            implements Condition {
        @Override
        public boolean matches(FieldValue value) {
            if (!(value instanceof FieldValue.Number n)) {
                return false;
            }
            long v = n.scaled();
            boolean aboveLower = Double.isInfinite(lower)
                    || (lowerInclusive ? v >= Numbers.scaled(lower) : v > Numbers.scaled(lower));
            boolean belowUpper = Double.isInfinite(upper)
                    || (upperInclusive ? v <= Numbers.scaled(upper) : v < Numbers.scaled(upper));
            return aboveLower && belowUpper;
        }
    }

    record Prefix(String prefix, boolean ignoreCase) implements Condition {
        @Override
        public boolean matches(FieldValue value) {
            return value instanceof FieldValue.Text t && (ignoreCase
                    ? t.value().regionMatches(true, 0, prefix, 0, prefix.length())
                    : t.value().startsWith(prefix));
        }
    }

    record Suffix(String suffix, boolean ignoreCase) implements Condition {
        @Override
        public boolean matches(FieldValue value) {
            if (!(value instanceof FieldValue.Text t)) {
                return false;
            }
            String s = t.value();
            return ignoreCase
                    ? s.length() >= suffix.length()
                    && s.regionMatches(true, s.length() - suffix.length(), suffix, 0, suffix.length())
                    : s.endsWith(suffix);
        }
    }

    record EqualsIgnoreCase(String expected) implements Condition {
        @Override
        public boolean matches(FieldValue value) {
            return value instanceof FieldValue.Text t && t.value().equalsIgnoreCase(expected);
        }
    }

    /**
     * {@code anything-but} a list of strings and/or numbers: a present value other than those.
     * Numbers are compared numerically and strings literally, so "5" is "anything but 5".
     */
    record AnythingBut(Set<String> strings, Set<Long> scaledNumbers) implements Condition {
        @Override
        public boolean matches(FieldValue value) {
            if (value instanceof FieldValue.Text t) {
                return !strings.contains(t.value());
            }
            if (value instanceof FieldValue.Number n) {
                return !scaledNumbers.contains(n.scaled());
            }
            return value instanceof FieldValue.Bool;
        }
    }

    /** {@code {"anything-but": {"prefix": "..."}}}: strings not starting with the prefix. */
    record AnythingButPrefix(String prefix) implements Condition {
        @Override
        public boolean matches(FieldValue value) {
            return value instanceof FieldValue.Text t && !t.value().startsWith(prefix);
        }
    }

    /** {@code {"anything-but": {"equals-ignore-case": [...]}}}; the set holds lower-cased values. */
    record AnythingButEqualsIgnoreCase(Set<String> lowerCased) implements Condition {
        @Override
        public boolean matches(FieldValue value) {
            return value instanceof FieldValue.Text t && !lowerCased.contains(t.value().toLowerCase(Locale.ROOT));
        }
    }

    /**
     * {@code {"exists": true|false}}. Absence is decided by the key rule before any condition runs,
     * so against a present value this answers whether presence was asked for.
     */
    record Exists(boolean exists) implements Condition {
        @Override
        public boolean matches(FieldValue value) {
            return exists;
        }
    }

    /** {@code {"cidr": "10.0.0.0/24"}} for IPv4 and IPv6 string values. */
    record Cidr(BigInteger network, BigInteger mask, int addressBytes) implements Condition {
        @Override
        public boolean matches(FieldValue value) {
            if (!(value instanceof FieldValue.Text t)) {
                return false;
            }
            byte[] address = IpAddresses.parse(t.value());
            return address != null && address.length == addressBytes
                    && new BigInteger(1, address).and(mask).equals(network);
        }
    }
}
