package io.mailroom.sns;

import io.mailroom.core.delivery.HttpPoster;
import io.mailroom.core.time.Clock;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.function.Function;

/** Records POSTs and answers them with a status chosen per request (or no answer at all). */
final class FakeHttp implements HttpPoster {
    record Post(URI target, Map<String, String> headers, String body, long at) {
    }

    final List<Post> posts = new ArrayList<>();
    private final Clock clock;
    Function<Post, Integer> answer = p -> 200;

    FakeHttp(Clock clock) {
        this.clock = clock;
    }

    @Override
    public synchronized CompletableFuture<Integer> post(URI target, Map<String, String> headers, byte[] body) {
        Post p = new Post(target, Map.copyOf(headers), new String(body, StandardCharsets.UTF_8), clock.millis());
        posts.add(p);
        Integer status = answer.apply(p);
        return status == null ? CompletableFuture.failedFuture(new java.net.ConnectException("Connection refused"))
                : CompletableFuture.completedFuture(status);
    }

    List<Post> ofType(String type) {
        return posts.stream().filter(p -> type.equals(p.headers().get("x-amz-sns-message-type"))).toList();
    }
}
