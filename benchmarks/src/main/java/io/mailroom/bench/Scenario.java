package io.mailroom.bench;

/** One benchmark scenario against one server. */
interface Scenario {
    ScenarioResult run(BenchContext context) throws Exception;
}
