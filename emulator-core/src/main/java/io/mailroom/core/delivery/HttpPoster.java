package io.mailroom.core.delivery;

import java.net.URI;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

/**
 * Makes outbound HTTP requests for services that deliver to web endpoints (SNS http/https
 * subscriptions), so that service modules stay free of any HTTP library. Never blocks the caller.
 */
public interface HttpPoster {

    /**
     * POSTs {@code body} to {@code target}.
     *
     * @return completes with the HTTP status, or exceptionally when no answer came (refused, timed out)
     */
    CompletableFuture<Integer> post(URI target, Map<String, String> headers, byte[] body);
}
