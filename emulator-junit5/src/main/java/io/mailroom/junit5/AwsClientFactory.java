package io.mailroom.junit5;

import io.mailroom.server.Mailroom;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.awscore.client.builder.AwsAsyncClientBuilder;
import software.amazon.awssdk.awscore.client.builder.AwsClientBuilder;
import software.amazon.awssdk.awscore.client.builder.AwsSyncClientBuilder;
import software.amazon.awssdk.regions.Region;

/**
 * Builds any AWS SDK v2 service client pointed at a running server. Every service's {@code builder()}
 * shares the same endpoint, region and credentials setters, so one factory keyed by the client interface
 * serves SQS, SNS, SES and S3; S3 clients also get path-style addressing. Loaded only after {@link AwsSdk#isClientType} said yes.
 */
final class AwsClientFactory {
    private AwsClientFactory() {
    }

    static AutoCloseable create(Class<?> clientType, Mailroom mailroom, NettyEventLoops eventLoops) {
        AwsClientBuilder<?, ?> builder = builderOf(clientType);
        builder.endpointOverride(mailroom.endpoint())
                .region(Region.of(mailroom.config().region()))
                // Mailroom accepts any credentials; fixed ones keep the SDK from searching the environment.
                .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("test", "test")));
        if (builder instanceof AwsSyncClientBuilder<?, ?> sync && AwsSdk.hasApache5()) {
            sync.httpClientBuilder(Apache5Http.builder());
        }
        if (builder instanceof AwsAsyncClientBuilder<?, ?> async && AwsSdk.hasNetty()) {
            // Shared event loops: see NettyHttp for why a client must not own its own.
            async.httpClientBuilder(NettyHttp.builder(eventLoops.group()));
        }
        forcePathStyle(clientType, builder);
        return (AutoCloseable) builder.build();
    }

    /**
     * S3 clients address buckets in the path ({@code http://127.0.0.1:4566/bucket/key}): virtual-hosted style
     * would need {@code bucket.<host>} to resolve to the server. Found by name so that this class does not
     * need the S3 module; builders without the setter (every other service) are left alone.
     */
    private static void forcePathStyle(Class<?> clientType, AwsClientBuilder<?, ?> builder) {
        Method setter;
        try {
            // Looked up on the public builder interface (S3ClientBuilder): the implementing class is not public.
            setter = clientType.getMethod("builder").getReturnType().getMethod("forcePathStyle", Boolean.class);
        } catch (NoSuchMethodException e) {
            return;
        }
        try {
            setter.invoke(builder, Boolean.TRUE);
        } catch (IllegalAccessException e) {
            throw new IllegalStateException("cannot set forcePathStyle on " + builder.getClass().getName(), e);
        } catch (InvocationTargetException e) {
            throw new IllegalStateException("cannot set forcePathStyle on " + builder.getClass().getName(), e.getCause());
        }
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
