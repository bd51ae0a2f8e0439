package io.mailroom.junit5;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClass;

import java.util.stream.Collectors;
import org.junit.platform.testkit.engine.EngineExecutionResults;
import org.junit.platform.testkit.engine.EngineTestKit;
import org.junit.platform.testkit.engine.Event;

/**
 * Runs a test class the way a user's build would, through the Jupiter engine, so the extension is
 * exercised by JUnit itself rather than by calling its callbacks by hand.
 */
final class Engine {
    private Engine() {
    }

    static EngineExecutionResults run(Class<?> testClass) {
        return EngineTestKit.engine("junit-jupiter").selectors(selectClass(testClass)).execute();
    }

    /** Runs {@code testClass} with JUnit's parallel execution on, its test methods concurrent by default. */
    static EngineExecutionResults runConcurrently(Class<?> testClass) {
        return EngineTestKit.engine("junit-jupiter").selectors(selectClass(testClass))
                .configurationParameter("junit.jupiter.execution.parallel.enabled", "true")
                .configurationParameter("junit.jupiter.execution.parallel.mode.default", "concurrent")
                .configurationParameter("junit.jupiter.execution.parallel.config.strategy", "fixed")
                .configurationParameter("junit.jupiter.execution.parallel.config.fixed.parallelism", "4")
                .execute();
    }

    /** Runs {@code testClass} and checks that exactly {@code tests} tests ran and all passed. */
    static void runPassing(Class<?> testClass, int tests) {
        assertPassed(run(testClass), testClass, tests);
    }

    static void assertPassed(EngineExecutionResults results, Class<?> testClass, int tests) {
        String failures = results.allEvents().failed().stream()
                .map(Engine::describe).collect(Collectors.joining("\n"));
        assertThat(failures).as("failures of %s", testClass.getSimpleName()).isEmpty();
        assertThat(results.testEvents().succeeded().count()).as("tests passed").isEqualTo(tests);
    }

    static String describe(Event event) {
        return event.getTestDescriptor().getDisplayName() + ": " + event.getPayload()
                .map(Object::toString).orElse("");
    }
}
