package io.mailroom.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.File;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * SQS over the Query protocol through the AWS SDK for Java v2 as it was until 2.21 (2.20.162, still pinned by many
 * applications and frameworks): its own form serializer, XML parser and error-code mapping, which neither the v1
 * SDK nor today's v2 share. The old SDK runs {@link SqsQueryV2Probe} in a JVM of its own, since one classpath holds
 * one version of the SDK; Maven copies its jars to {@code target/sdk-v2-query}.
 */
class SqsQueryProtocolSdkV2IT {
    private static final Path OLD_SDK = Path.of("target", "sdk-v2-query");

    @Test
    void everyOperationWorksThroughTheSdkV2OfTheQueryProtocol() throws Exception {
        List<String> classpath = new ArrayList<>();
        try (Stream<Path> jars = Files.list(OLD_SDK)) {
            jars.map(Path::toString).sorted().forEach(classpath::add);
        }
        assertThat(classpath).as("jars in %s", OLD_SDK).anyMatch(jar -> jar.contains("sqs-2.20."));
        classpath.add(locationOf(SqsQueryV2Probe.class));
        classpath.add(locationOf(org.slf4j.Logger.class));
        classpath.add(locationOf(org.reactivestreams.Publisher.class));

        Process probe = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", String.join(File.pathSeparator, classpath), SqsQueryV2Probe.class.getName(),
                TestServer.endpoint().toString())
                .redirectErrorStream(true).start();
        probe.getOutputStream().close();
        String output = new String(probe.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(probe.waitFor(120, TimeUnit.SECONDS)).as("the probe finishes").isTrue();

        assertThat(probe.exitValue()).as(output).isZero();
        assertThat(output).as("the probe ran on the Query-protocol SDK").contains("ok, SDK 2.20.");
    }

    private static String locationOf(Class<?> type) throws URISyntaxException {
        return Path.of(type.getProtectionDomain().getCodeSource().getLocation().toURI()).toString();
    }
}
