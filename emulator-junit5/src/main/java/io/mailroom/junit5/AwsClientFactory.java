package io.mailroom.junit5;

import io.mailroom.server.Mailroom;
import java.lang.reflect.InvocationTargetException;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.awscore.client.builder.AwsClientBuilder;
import software.amazon.awssdk.awscore.client.builder.AwsSyncClientBuilder;
import software.amazon.awssdk.regions.Region;

/**
 * Builds any AWS SDK v2 service client pointed at a running server. Every service's {@code builder()}
 * shares the same endpoint, region and credentials setters, so one factory keyed by the client interface
 * serves SQS today and SNS, SES and S3 as they land. Loaded only after {@link AwsSdk#isClientType} said yes.
 */
final class AwsClientFactory {
    private AwsClientFactory() {
    }

    static AutoCloseable create(Class<?> clientType, Mailroom mailroom) {
        AwsClientBuilder<?, ?> builder = builderOf(clientType);
        builder.endpointOverride(mailroom.endpoint())
                .region(Region.of(mailroom.config().region()))
                // Mailroom accepts any credentials; fixed ones keep the SDK from searching the environment.
                .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("test", "test")));
        if (builder instanceof AwsSyncClientBuilder<?, ?> sync && AwsSdk.hasApache5()) {
            sync.httpClientBuilder(Apache5Http.builder());
        }
        return (AutoCloseable) builder.build();
    }

    private static AwsClientBuilder<?, ?> builderOf(Class<?> clientType) {
        try {
            return (AwsClientBuilder<?, ?>) clientType.getMethod("builder").invoke(null);
        } catch (NoSuchMethodException | IllegalAccessException e) {
            throw new IllegalArgumentException(clientType.getName() + " has no public static builder()", e);
        } catch (InvocationTargetException e) {
            throw new IllegalStateException("cannot create a builder for " + clientType.getName(), e.getCause());
        }
    }
}
