package io.mailroom.it;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assumptions;

/**
 * The AWS CLI ({@code aws}) pointed at the in-process server, with test credentials and none of the user's
 * configuration, so the CLI tests see exactly what a user's command would send.
 */
final class AwsCli {
    private static final ObjectMapper JSON = new ObjectMapper();
    private final String accessKeyId;

    /** What one command did. */
    record Run(int exit, String stdout, String stderr) {
    }

    private AwsCli(String accessKeyId) {
        this.accessKeyId = accessKeyId;
    }

    /** Signs as {@code test}: the default account. */
    static AwsCli standard() {
        return new AwsCli("test");
    }

    /** Signs with a 12-digit access key id, which selects that account. */
    static AwsCli asAccount(String accountId) {
        return new AwsCli(accountId);
    }

    /** Skips the calling test class where no {@code aws} is on the PATH. */
    static void assumeInstalled() {
        boolean found = false;
        for (String dir : System.getenv().getOrDefault("PATH", "").split(File.pathSeparator)) {
            if (!dir.isEmpty() && Files.isExecutable(Path.of(dir, "aws"))) {
                found = true;
                break;
            }
        }
        Assumptions.assumeTrue(found, "the AWS CLI (aws) is not on the PATH");
    }

    /** Runs {@code aws --endpoint-url <server> --output json args...}. */
    Run run(String... args) throws IOException, InterruptedException {
        return runAt(TestServer.endpoint(), args);
    }

    /** Runs {@code aws --endpoint-url <endpoint> --output json args...}. */
    Run runAt(java.net.URI endpoint, String... args) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of("aws", "--endpoint-url", endpoint.toString(),
                "--output", "json"));
        command.addAll(List.of(args));
        ProcessBuilder builder = new ProcessBuilder(command);
        Map<String, String> env = builder.environment();
        env.put("AWS_ACCESS_KEY_ID", accessKeyId);
        env.put("AWS_SECRET_ACCESS_KEY", "test");
        env.put("AWS_DEFAULT_REGION", "us-east-1");
        env.put("AWS_CONFIG_FILE", "/nonexistent/mailroom-it-aws-config");
        env.put("AWS_SHARED_CREDENTIALS_FILE", "/nonexistent/mailroom-it-aws-credentials");
        env.put("AWS_EC2_METADATA_DISABLED", "true");
        env.put("AWS_PAGER", "");
        env.remove("AWS_PROFILE");
        env.remove("AWS_SESSION_TOKEN");
        Process process = builder.start();
        process.getOutputStream().close();
        CompletableFuture<String> out = CompletableFuture.supplyAsync(() -> read(process.getInputStream()));
        CompletableFuture<String> err = CompletableFuture.supplyAsync(() -> read(process.getErrorStream()));
        assertThat(process.waitFor(60, TimeUnit.SECONDS)).as("aws %s finished", String.join(" ", args)).isTrue();
        return new Run(process.exitValue(), out.join(), err.join());
    }

    /** Runs a command that must succeed; its JSON output, or an empty object when it prints nothing. */
    JsonNode ok(String... args) throws IOException, InterruptedException {
        Run run = run(args);
        assertThat(run.exit()).as("aws %s failed: %s", String.join(" ", args), run.stderr()).isZero();
        return run.stdout().isBlank() ? JSON.createObjectNode() : JSON.readTree(run.stdout());
    }

    private static String read(InputStream in) {
        try (in) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
