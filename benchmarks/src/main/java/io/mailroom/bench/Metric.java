package io.mailroom.bench;

/** One measured figure of a scenario, e.g. {@code calls_per_s = 4210.3 calls/s}. NaN means not measured. */
record Metric(String key, double value, String unit) {
}
