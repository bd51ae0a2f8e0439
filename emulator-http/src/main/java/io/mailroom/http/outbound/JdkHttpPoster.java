package io.mailroom.http.outbound;

import io.mailroom.core.delivery.HttpPoster;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

/**
 * Outbound deliveries with the JDK's asynchronous HTTP client: no extra dependency, and a slow endpoint
 * holds no thread of ours while it makes us wait. Certificates are not checked, as endpoints under test
 * commonly use self-signed ones.
 */
public final class JdkHttpPoster implements HttpPoster {
    private static final Duration TIMEOUT = Duration.ofSeconds(15);
    private volatile HttpClient client;

    /** Built on the first delivery: it loads the TLS stack, which a server without web subscribers never needs. */
    private HttpClient client() {
        HttpClient c = client;
        if (c == null) {
            synchronized (this) {
                c = client;
                if (c == null) {
                    c = HttpClient.newBuilder()
                            // SNS posts HTTP/1.1; the JDK's default would offer an h2c upgrade on every request
                            // (Upgrade, HTTP2-Settings), which AWS never sends and some endpoints refuse.
                            .version(HttpClient.Version.HTTP_1_1)
                            .connectTimeout(Duration.ofSeconds(5))
                            .followRedirects(HttpClient.Redirect.NEVER)
                            .sslContext(TrustingSsl.context())
                            .build();
                    client = c;
                }
            }
        }
        return c;
    }

    @Override
    public CompletableFuture<Integer> post(URI target, Map<String, String> headers, byte[] body) {
        HttpRequest.Builder request = HttpRequest.newBuilder(target)
                .timeout(TIMEOUT)
                .POST(HttpRequest.BodyPublishers.ofByteArray(body));
        headers.forEach(request::header);
        return client().sendAsync(request.build(), HttpResponse.BodyHandlers.discarding())
                .thenApply(HttpResponse::statusCode);
    }
}
