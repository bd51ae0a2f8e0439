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
 * SQS through releases of the AWS SDK for Java other than the two on the test classpath, each with serializers,
 * parsers and error mapping of its own: v2 as it was until 2.21 (2.20.162, SQS over the Query protocol) and v1 as it
 * was at its end (1.12.780, SQS over JSON). Applications and frameworks pin both. One classpath holds one version
 * of an SDK, so each runs its probe ({@link SqsQueryV2Probe}, {@link SqsJsonV1Probe}) in a JVM of its own, from
 * jars Maven copies to {@code target/sdk-*} and the test classpath's copies of the libraries they share.
 */
class SqsJavaSdkVersionsIT {

    @Test
    void everyOperationWorksThroughTheSdkV2OfTheQueryProtocol() throws Exception {
        String output = probe(SqsQueryV2Probe.class, Path.of("target", "sdk-v2-query"),
                org.slf4j.Logger.class, org.reactivestreams.Publisher.class);

        assertThat(output).as("the probe ran on the Query-protocol SDK").contains("ok, SDK 2.20.");
    }

    @Test
    void everyOperationWorksThroughTheLastSdkV1OverJson() throws Exception {
        String output = probe(SqsJsonV1Probe.class, Path.of("target", "sdk-v1-json"),
                com.fasterxml.jackson.databind.ObjectMapper.class, com.fasterxml.jackson.core.JsonFactory.class,
                com.fasterxml.jackson.annotation.JsonProperty.class,
                com.fasterxml.jackson.dataformat.cbor.CBORFactory.class, org.apache.http.client.HttpClient.class,
                org.apache.http.HttpRequest.class, org.apache.commons.logging.Log.class,
                org.apache.commons.codec.binary.Base64.class, org.joda.time.DateTime.class);

        assertThat(output).as("the probe ran on the JSON-protocol SDK").contains("ok, SDK 1.12.780");
    }

    /** Runs the probe against the test server; returns its output once it has exited with 0. */
    private static String probe(Class<?> main, Path sdk, Class<?>... shared) throws Exception {
        List<String> classpath = new ArrayList<>();
        try (Stream<Path> jars = Files.list(sdk)) {
            jars.map(Path::toString).sorted().forEach(classpath::add);
        }
        classpath.add(locationOf(main));
        for (Class<?> type : shared) {
            classpath.add(locationOf(type));
        }
        Process process = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", String.join(File.pathSeparator, classpath), main.getName(), TestServer.endpoint().toString())
                .redirectErrorStream(true).start();
        process.getOutputStream().close();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(process.waitFor(120, TimeUnit.SECONDS)).as("the probe finishes").isTrue();
        assertThat(process.exitValue()).as(output).isZero();
        return output;
    }

    private static String locationOf(Class<?> type) throws URISyntaxException {
        return Path.of(type.getProtectionDomain().getCodeSource().getLocation().toURI()).toString();
    }
}
