package io.mailroom.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.http.apache5.Apache5HttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.sns.SnsClient;
import software.amazon.awssdk.services.sqs.SqsClient;

/**
 * The artifact users run, {@code java -jar emulator-http/target/mailroom.jar}: its flags, the services
 * that start on first use inside the shaded jar (SNS with its signing certificate, SES's SMTP listener)
 * and a graceful stop.
 */
class RunnableJarIT {
    private static final Path JAR = Path.of("..", "emulator-http", "target", "mailroom.jar");
    /** The start line; it ends as LocalStack's does, for Testcontainers' LocalStack module ({@code .*Ready\.\n}). */
    private static final Pattern READY = Pattern.compile("^Mailroom \\S+ on (http://\\S+), SMTP on port (\\d+) .*\\. Ready\\.$");

    @Test
    void startsServesAndStopsOnSigterm() throws Exception {
        Process server = start("--port", "0", "--smtp-port", "0", "--region", "eu-west-1");
        try {
            Matcher ready = awaitReady(server);
            URI endpoint = URI.create(ready.group(1));
            try (SqsClient sqs = SqsClient.builder().endpointOverride(endpoint).region(Region.EU_WEST_1)
                    .credentialsProvider(TestServer.credentials()).httpClientBuilder(Apache5HttpClient.builder()).build();
                 SnsClient sns = SnsClient.builder().endpointOverride(endpoint).region(Region.EU_WEST_1)
                         .credentialsProvider(TestServer.credentials()).httpClientBuilder(Apache5HttpClient.builder()).build()) {
                String url = sqs.createQueue(b -> b.queueName("jar-smoke")).queueUrl();
                assertThat(url).endsWith("/000000000000/jar-smoke");
                String topic = sns.createTopic(b -> b.name("jar-smoke")).topicArn();
                assertThat(topic).isEqualTo("arn:aws:sns:eu-west-1:000000000000:jar-smoke");
            }
            // The SNS signing certificate: BouncyCastle inside the shaded jar.
            var certificate = java.net.http.HttpClient.newHttpClient().send(
                    java.net.http.HttpRequest.newBuilder(endpoint.resolve("/_aws/sns/SimpleNotificationService-mailroom.pem")).build(),
                    java.net.http.HttpResponse.BodyHandlers.ofString());
            assertThat(certificate.statusCode()).isEqualTo(200);
            assertThat(certificate.body()).startsWith("-----BEGIN CERTIFICATE-----");
            // SES's SMTP listener greets as SES does.
            try (var smtp = new java.net.Socket("127.0.0.1", Integer.parseInt(ready.group(2)));
                 var in = new BufferedReader(new InputStreamReader(smtp.getInputStream(), StandardCharsets.US_ASCII))) {
                assertThat(in.readLine()).startsWith("220 ");
            }
        } finally {
            server.destroy(); // SIGTERM
        }
        assertThat(server.waitFor(30, TimeUnit.SECONDS)).isTrue();
        assertThat(server.exitValue()).isIn(0, 143);
    }

    @Test
    @org.junit.jupiter.api.Timeout(60)
    void debugLevelLogsOneLineForEachRequest() throws Exception {
        Process server = start("--port", "0", "--smtp-port", "0", "--log-level", "debug");
        try {
            BufferedReader out = new BufferedReader(new InputStreamReader(server.getInputStream(), StandardCharsets.UTF_8));
            Matcher ready = READY.matcher("");
            String line;
            while ((line = out.readLine()) != null && !ready.reset(line).find()) {
                // output before the ready line is checked by startsServesAndStopsOnSigterm
            }
            assertThat(line).as("the ready line").isNotNull();
            URI health = URI.create(ready.group(1)).resolve("/_mailroom/health");
            var answer = java.net.http.HttpClient.newHttpClient().send(java.net.http.HttpRequest.newBuilder(health).build(),
                    java.net.http.HttpResponse.BodyHandlers.discarding());
            assertThat(answer.statusCode()).isEqualTo(200);
            while ((line = out.readLine()) != null && !line.contains("/_mailroom/health")) {
                // other debug lines
            }
            assertThat(line).as("a log line for the request").isNotNull()
                    .matches("\\d\\d:\\d\\d:\\d\\d\\.\\d{3} DEBUG Dispatcher GET /_mailroom/health .* -> 200 in \\d+ us \\[[0-9a-f-]{36}]");
        } finally {
            server.destroy();
            server.waitFor(30, TimeUnit.SECONDS);
        }
    }

    @Test
    void helpVersionAndUsageErrors() throws Exception {
        assertThat(run("--help")).startsWith("0:").contains("--smtp-accept-any-credentials").contains("MAILROOM_PORT");
        assertThat(run("--version")).startsWith("0:Mailroom ");
        assertThat(run("--prot", "1")).startsWith("2:").contains("--prot");
        assertThat(run("--port", "many")).startsWith("2:").contains("--port takes a number");
    }

    @Test
    void aTakenPortIsOneLineAndAnExitNotAHalfStartedServer() throws Exception {
        try (ServerSocket taken = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            String port = String.valueOf(taken.getLocalPort());
            assertThat(run("--port", port, "--smtp-port", "0")).startsWith("1:")
                    .contains("mailroom: cannot listen for HTTP on 127.0.0.1:" + port + ": ")
                    .contains("(another port: --port or MAILROOM_PORT)").doesNotContain("Exception");
            assertThat(run("--port", "0", "--smtp-port", port)).startsWith("1:")
                    .contains("mailroom: cannot listen for SMTP on 127.0.0.1:" + port + ": ")
                    .contains("(another port: --smtp-port or MAILROOM_SMTP_PORT)").doesNotContain("Exception");
        }
    }

    @Test
    void anUnreadableSnapshotIsOneLineAndItsOwnExitStatus(@TempDir Path dataDir)
            throws Exception {
        Path file = dataDir.resolve("sqs/state.json");
        Files.createDirectories(file.getParent());
        Files.writeString(file, "{\"format\":1,\"queues\":[");
        assertThat(run("--port", "0", "--smtp-port", "0", "--data-dir", dataDir.toString())).startsWith("3:")
                .contains("mailroom: cannot restore SQS state from " + file + ": ")
                .doesNotContain("Exception").doesNotContain("\tat ");
    }

    private static Process start(String... args) throws IOException {
        assertThat(JAR).as("the shaded jar is built before the integration tests").exists();
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-jar", JAR.toString()));
        command.addAll(List.of(args));
        return new ProcessBuilder(command).redirectErrorStream(true).start();
    }

    private static Matcher awaitReady(Process server) throws IOException {
        BufferedReader out = new BufferedReader(new InputStreamReader(server.getInputStream(), StandardCharsets.UTF_8));
        StringBuilder seen = new StringBuilder();
        String line;
        while ((line = out.readLine()) != null) {
            seen.append(line).append('\n');
            Matcher ready = READY.matcher(line);
            if (ready.find()) {
                // Nothing before it: not SLF4J's provider notice, not Logback's status report.
                assertThat(seen.toString()).as("the server's output up to ready").isEqualTo(line + "\n");
                // Keep draining, so a chatty server never blocks on a full pipe.
                Thread drain = new Thread(() -> {
                    try {
                        out.transferTo(java.io.Writer.nullWriter());
                    } catch (IOException ignored) {
                        // the process ended
                    }
                });
                drain.setDaemon(true);
                drain.start();
                return ready;
            }
        }
        throw new AssertionError("the server exited before it was ready:\n" + seen);
    }

    /** "exit code:output" of a run that ends by itself. */
    private static String run(String... args) throws Exception {
        Process p = start(args);
        String output = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(p.waitFor(30, TimeUnit.SECONDS)).isTrue();
        return p.exitValue() + ":" + output;
    }
}
