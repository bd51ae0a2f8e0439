package io.mailroom.it;

import io.mailroom.server.Mailroom;
import io.mailroom.server.ServerConfig;
import java.net.URI;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.http.apache5.Apache5HttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.sqs.SqsAsyncClient;
import software.amazon.awssdk.services.sqs.SqsClient;

/**
 * One in-process server for the whole test JVM, on a random port; tests isolate themselves by
 * resetting it or by using their own queue names.
 */
public final class TestServer {
    private static Mailroom server;

    private TestServer() {
    }

    public static synchronized Mailroom get() {
        if (server == null) {
            server = Mailroom.start(ServerConfig.defaults().withPort(0));
            Runtime.getRuntime().addShutdownHook(new Thread(server::close));
        }
        return server;
    }

    public static URI endpoint() {
        return get().endpoint();
    }

    public static StaticCredentialsProvider credentials() {
        return StaticCredentialsProvider.create(AwsBasicCredentials.create("test", "test"));
    }

    /** Credentials whose 12-digit access key selects that account. */
    public static StaticCredentialsProvider credentialsFor(String accountId) {
        return StaticCredentialsProvider.create(AwsBasicCredentials.create(accountId, "test"));
    }

    public static SqsClient sqs() {
        return sqs(credentials(), Region.US_EAST_1);
    }

    public static SqsClient sqs(StaticCredentialsProvider credentials, Region region) {
        return sqs(credentials, region, endpoint());
    }

    /** A client of the SQS API at {@code endpoint}, e.g. the developer endpoint that answers ReceiveMessage. */
    public static SqsClient sqs(StaticCredentialsProvider credentials, Region region, URI endpoint) {
        return SqsClient.builder()
                .endpointOverride(endpoint)
                .region(region)
                .credentialsProvider(credentials)
                .httpClient(Apache5HttpClient.create())
                .build();
    }

    public static SqsAsyncClient sqsAsync() {
        return SqsAsyncClient.builder()
                .endpointOverride(endpoint())
                .region(Region.US_EAST_1)
                .credentialsProvider(credentials())
                .build();
    }
}
