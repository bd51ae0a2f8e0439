package io.mailroom.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.http.apache5.Apache5HttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.sns.SnsClient;
import software.amazon.awssdk.services.sns.model.SnsException;

/** What the SNS test classes share: SDK v2 clients, unique names, error assertions, developer endpoints, awaiting. */
final class SnsClients {
    static final SnsClient SNS = sns();
    static final String ACCOUNT = "000000000000";
    static final String REGION = "us-east-1";
    static final ObjectMapper JSON = new ObjectMapper();
    private static final AtomicInteger SEQUENCE = new AtomicInteger();
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    private SnsClients() {
    }

    static SnsClient sns() {
        return sns(TestServer.credentials(), Region.US_EAST_1);
    }

    static SnsClient sns(StaticCredentialsProvider credentials, Region region) {
        return SnsClient.builder()
                .endpointOverride(TestServer.endpoint())
                .region(region)
                .credentialsProvider(credentials)
                .httpClient(Apache5HttpClient.create())
                .build();
    }

    /** A name no other test uses: {@code prefix-N}. */
    static String name(String prefix) {
        return prefix + "-" + SEQUENCE.incrementAndGet() + "-" + ProcessHandle.current().pid();
    }

    static String createTopic(String prefix) {
        return SNS.createTopic(b -> b.name(name(prefix))).topicArn();
    }

    static String createFifoTopic(String prefix, boolean contentBasedDeduplication) {
        return SNS.createTopic(b -> b.name(name(prefix) + ".fifo").attributes(java.util.Map.of(
                "FifoTopic", "true", "ContentBasedDeduplication", Boolean.toString(contentBasedDeduplication))))
                .topicArn();
    }

    /**
     * Runs {@code call}, expects it to fail with {@code type}, the Query error code and HTTP status; answers the
     * exception for further checks.
     */
    static <T extends SnsException> T snsError(Class<T> type, String code, int status, ThrowingCallable call) {
        T e = catchThrowableOfType(call, type);
        assertThat(e).as("expected %s", type.getSimpleName()).isNotNull();
        assertThat(e.awsErrorDetails().errorCode()).isEqualTo(code);
        assertThat(e.statusCode()).isEqualTo(status);
        return e;
    }

    /** InvalidParameterException, code InvalidParameter, 400: SNS's answer to most bad input. */
    static software.amazon.awssdk.services.sns.model.InvalidParameterException invalidParameter(ThrowingCallable call) {
        return snsError(software.amazon.awssdk.services.sns.model.InvalidParameterException.class,
                "InvalidParameter", 400, call);
    }

    /** NotFoundException, code NotFound, 404. */
    static software.amazon.awssdk.services.sns.model.NotFoundException notFound(ThrowingCallable call) {
        return snsError(software.amazon.awssdk.services.sns.model.NotFoundException.class, "NotFound", 404, call);
    }

    // ---- developer endpoints ----

    record Response(int status, String body) {
        JsonNode json() {
            return readJson(body);
        }
    }

    static Response get(String pathAndQuery) {
        return send(HttpRequest.newBuilder(url(pathAndQuery)).GET());
    }

    static Response get(URI uri) {
        return send(HttpRequest.newBuilder(uri).GET());
    }

    static Response delete(String pathAndQuery) {
        return send(HttpRequest.newBuilder(url(pathAndQuery)).DELETE());
    }

    static Response post(String pathAndQuery) {
        return send(HttpRequest.newBuilder(url(pathAndQuery)).POST(HttpRequest.BodyPublishers.noBody()));
    }

    static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }

    private static URI url(String pathAndQuery) {
        return URI.create(TestServer.endpoint() + pathAndQuery);
    }

    private static Response send(HttpRequest.Builder request) {
        try {
            HttpResponse<String> r = HTTP.send(request.timeout(Duration.ofSeconds(10)).build(),
                    HttpResponse.BodyHandlers.ofString());
            return new Response(r.statusCode(), r.body());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    static JsonNode readJson(String text) {
        try {
            return JSON.readTree(text);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    // ---- awaiting asynchronous deliveries ----

    /** Polls {@code probe} every 10 ms for up to 10 s (a loaded CI machine) until it answers non-null; fails the test otherwise. */
    static <T> T await(String what, Supplier<T> probe) {
        long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        while (true) {
            T value = probe.get();
            if (value != null) {
                return value;
            }
            if (System.nanoTime() > deadline) {
                throw new AssertionError("timed out waiting for " + what);
            }
            try {
                Thread.sleep(10);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError("interrupted waiting for " + what);
            }
        }
    }

    /** Polls until {@code condition} holds (up to 10 s, 10 ms steps). */
    static void awaitTrue(String what, java.util.function.BooleanSupplier condition) {
        await(what, () -> condition.getAsBoolean() ? Boolean.TRUE : null);
    }
}
