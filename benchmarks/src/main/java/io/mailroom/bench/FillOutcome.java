package io.mailroom.bench;

/** How filling the deep queue went: messages accepted, batch calls made, time and CPU, errors. */
record FillOutcome(long messages, long calls, CpuSpan span, long errors, String firstError) {
}
