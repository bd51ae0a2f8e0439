package io.mailroom.junit5;

import java.lang.reflect.Method;
import java.lang.reflect.Modifier;

/**
 * What of the AWS SDK v2 is on the classpath. Looked up by name so this class, and everything that only
 * asks it, loads without the SDK; SDK types are named only in {@link AwsClientFactory},
 * {@link Apache5Http} and {@link NettyHttp}, which are loaded once these checks said they can be.
 */
final class AwsSdk {
    private static final Class<?> CLIENT_BUILDER = find("software.amazon.awssdk.awscore.client.builder.AwsClientBuilder");
    private static final boolean APACHE5 = find("software.amazon.awssdk.http.apache5.Apache5HttpClient") != null;
    private static final boolean NETTY = find("software.amazon.awssdk.http.nio.netty.NettyNioAsyncHttpClient") != null;

    private AwsSdk() {
    }

    /** True for service client interfaces such as {@code SqsClient} or {@code SqsAsyncClient}. */
    static boolean isClientType(Class<?> type) {
        if (CLIENT_BUILDER == null || !type.isInterface()) {
            return false;
        }
        try {
            Method builder = type.getMethod("builder");
            return Modifier.isStatic(builder.getModifiers()) && CLIENT_BUILDER.isAssignableFrom(builder.getReturnType());
        } catch (NoSuchMethodException e) {
            return false;
        }
    }

    static boolean hasApache5() {
        return APACHE5;
    }

    static boolean hasNetty() {
        return NETTY;
    }

    private static Class<?> find(String name) {
        try {
            return Class.forName(name, false, AwsSdk.class.getClassLoader());
        } catch (ClassNotFoundException | LinkageError e) {
            return null;
        }
    }
}
