package io.mailroom.bench;

import java.net.URI;
import java.time.Duration;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.awscore.retry.AwsRetryStrategy;
import software.amazon.awssdk.http.apache5.Apache5HttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.sqs.SqsClient;

/**
 * Builds the SDK client every scenario uses: the SDK's defaults (JSON protocol, SigV4 signing, MD5
 * checks) as an application would have them, except that retries are off, so a failing server
 * shows up as errors instead of as mysteriously low throughput.
 */
final class SqsClients {
    /** Longer than the 20 s long-poll wait, so a socket read never times out on a healthy wait. */
    private static final Duration SOCKET_TIMEOUT = Duration.ofSeconds(30);

    private SqsClients() {
    }

    static SqsClient create(URI endpoint) {
        return SqsClient.builder()
                .endpointOverride(endpoint)
                .region(Region.US_EAST_1)
                .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("bench", "bench")))
                .httpClient(Apache5HttpClient.builder()
                        .maxConnections(64)
                        .connectionTimeout(Duration.ofSeconds(2))
                        .socketTimeout(SOCKET_TIMEOUT)
                        .build())
                .overrideConfiguration(o -> o.retryStrategy(AwsRetryStrategy.doNotRetry()))
                .build();
    }
}
