package io.mailroom.bench;

import java.net.URI;
import java.time.Duration;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.awscore.client.builder.AwsSyncClientBuilder;
import software.amazon.awssdk.awscore.client.builder.AwsClientBuilder;
import software.amazon.awssdk.awscore.retry.AwsRetryStrategy;
import software.amazon.awssdk.http.apache5.Apache5HttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.sns.SnsClient;
import software.amazon.awssdk.services.sqs.SqsClient;

/**
 * Builds the SDK clients every scenario uses: the SDK's defaults (JSON protocol for SQS, SigV4 signing,
 * MD5 checks) as an application would have them, except that retries are off, so a failing server
 * shows up as errors instead of as mysteriously low throughput.
 */
final class BenchClients {
    /** Longer than the 20 s long-poll wait, so a socket read never times out on a healthy wait. */
    private static final Duration SOCKET_TIMEOUT = Duration.ofSeconds(30);

    private BenchClients() {
    }

    static SqsClient sqs(URI endpoint) {
        return configured(SqsClient.builder(), endpoint).build();
    }

    static SnsClient sns(URI endpoint) {
        return configured(SnsClient.builder(), endpoint).build();
    }

    private static <B extends AwsClientBuilder<B, C> & AwsSyncClientBuilder<B, C>, C> B configured(B builder,
                                                                                                URI endpoint) {
        return builder
                .endpointOverride(endpoint)
                .region(Region.US_EAST_1)
                .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("bench", "bench")))
                .httpClient(Apache5HttpClient.builder()
                        .maxConnections(64)
                        .connectionTimeout(Duration.ofSeconds(2))
                        .socketTimeout(SOCKET_TIMEOUT)
                        .build())
                .overrideConfiguration(o -> o.retryStrategy(AwsRetryStrategy.doNotRetry()));
    }
}
