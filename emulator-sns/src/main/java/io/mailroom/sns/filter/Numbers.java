package io.mailroom.sns.filter;

/**
 * Numeric matching as AWS documents it: values from -1e9 to 1e9 with five digits of accuracy after
 * the decimal point (https://docs.aws.amazon.com/sns/latest/dg/subscription-filter-policy-constraints.html).
 */
final class Numbers {
    static final double LIMIT = 1_000_000_000d;

    private Numbers() {
    }

    /** The value at five-decimal precision, so that 5, 5.0 and 5.000001 compare equal. */
    static long scaled(double value) {
        return Math.round(value * 100_000d);
    }

    static boolean inRange(double value) {
        return value >= -LIMIT && value <= LIMIT;
    }
}
