package io.mailroom.junit5;

import software.amazon.awssdk.http.SdkHttpClient;
import software.amazon.awssdk.http.apache5.Apache5HttpClient;

/**
 * The only class naming the Apache 5 HTTP client, loaded only when {@link AwsSdk#hasApache5()}. The SDK's
 * own discovery refuses to choose when several sync HTTP clients are on the classpath (Apache 4 and 5,
 * say), so when Apache 5 is there it is chosen explicitly; otherwise discovery finds whatever the user has.
 */
final class Apache5Http {
    private Apache5Http() {
    }

    static SdkHttpClient.Builder<?> builder() {
        return Apache5HttpClient.builder();
    }
}
