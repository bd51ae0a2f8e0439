package io.mailroom.http.dispatch;

import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpMessage;
import io.netty.handler.codec.http.HttpMethod;
import io.netty.handler.codec.http.HttpRequest;

/**
 * Whether a request that cannot be routed (its head cut short, its path not decodable) is S3's, so that it is
 * answered in S3's {@code <Error>} shape: a signature scoped to S3, or a method the Query and JSON APIs do not use
 * (they POST). The dispatcher knows better when it can route; this guesses where it cannot.
 */
public final class S3Guess {
    private S3Guess() {
    }

    public static boolean of(HttpMessage message) {
        if (!(message instanceof HttpRequest request) || request.headers().contains("X-Amz-Target")) {
            return false;
        }
        String authorization = request.headers().get(HttpHeaderNames.AUTHORIZATION);
        if (authorization != null) {
            return authorization.contains("/s3/aws4_request") || authorization.contains("/s3express/aws4_request");
        }
        HttpMethod method = request.method();
        return !HttpMethod.POST.equals(method) && !HttpMethod.OPTIONS.equals(method) && !request.uri().startsWith("/_");
    }
}
