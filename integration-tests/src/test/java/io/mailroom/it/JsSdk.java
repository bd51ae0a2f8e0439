package io.mailroom.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assumptions;

/**
 * The AWS SDK for JavaScript (v3, and v2 for SQS over the Query protocol) as a test client: the versions pinned in
 * {@code src/test/js/package-lock.json}, installed once per test run into {@code target/js} with {@code npm ci}
 * (from npm's cache when it has them).
 * Where they cannot be installed (no registry, no cache), the tests that need them are skipped.
 */
final class JsSdk {
    private static final Path SOURCES = Path.of("src", "test", "js");
    private static final Path WORK = Path.of("target", "js");
    private static boolean installed;

    private JsSdk() {
    }

    /** Whether node and npm are on the PATH. */
    static boolean available() {
        return LocalTools.runs("node", "--version") && LocalTools.runs("npm", "--version");
    }

    /** Runs a script (a file under src/test/js, or the given text) with node; returns its output. */
    static Result run(String scriptName, String scriptText, String... args) throws IOException, InterruptedException {
        Path dir = install();
        Path script = dir.resolve(scriptName);
        if (scriptText != null) {
            Files.writeString(script, scriptText);
        }
        List<String> command = new ArrayList<>(List.of("node", script.getFileName().toString()));
        command.addAll(List.of(args));
        return exec(dir, 120, command);
    }

    private static synchronized Path install() throws IOException, InterruptedException {
        if (!installed) {
            Files.createDirectories(WORK);
            try (var files = Files.list(SOURCES)) {
                for (Path file : files.toList()) {
                    Files.copy(file, WORK.resolve(file.getFileName()), StandardCopyOption.REPLACE_EXISTING);
                }
            }
            Result npm = exec(WORK, 300, List.of("npm", "ci", "--no-audit", "--no-fund", "--prefer-offline"));
            // Without a registry or a cache that has the pinned versions there is nothing to test with: the
            // tests are skipped with npm's own account, as they are where node is missing.
            Assumptions.assumeTrue(npm.exitCode() == 0, () -> "npm ci could not install the JavaScript SDK:\n" + npm.output());
            installed = true;
        }
        return WORK;
    }

    private static Result exec(Path dir, int timeoutSeconds, List<String> command) throws IOException, InterruptedException {
        Process process = new ProcessBuilder(command).directory(dir.toFile()).redirectErrorStream(true).start();
        process.getOutputStream().close();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(process.waitFor(timeoutSeconds, TimeUnit.SECONDS)).as("%s finishes", command).isTrue();
        return new Result(process.exitValue(), output);
    }

    record Result(int exitCode, String output) {
    }
}
