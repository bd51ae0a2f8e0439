package io.mailroom.bench;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

/**
 * What one benchmark run was asked to do; parsed from the command line by {@link BenchArgs}.
 * Several targets in one run are measured by the same warmed-up client JVM, scenario by scenario,
 * alternating which server goes first.
 */
public record BenchOptions(
        List<ServerTarget> targets,
        int threads,
        Duration measure,
        Duration warmup,
        Duration prime,
        List<ScenarioKind> scenarios,
        int deepMessages,
        Duration fillLimit,
        int longPollIterations,
        Path results) {
}
