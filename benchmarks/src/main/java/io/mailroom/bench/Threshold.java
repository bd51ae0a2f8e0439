package io.mailroom.bench;

/** A performance target such as "< 40 µs" or "≥ 1.5×". */
record Threshold(boolean atMost, double limit, String text) {

    static Threshold below(double limit, String text) {
        return new Threshold(true, limit, text);
    }

    static Threshold atLeast(double limit, String text) {
        return new Threshold(false, limit, text);
    }

    String verdict(double value) {
        if (Double.isNaN(value)) {
            return "not measured";
        }
        return (atMost ? value < limit : value >= limit) ? "pass" : "**FAIL**";
    }
}
