package io.mailroom.junit5;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;

/** One GET of a Mailroom developer endpoint, as every {@code Await} helper reads the server: no AWS SDK. */
final class DeveloperEndpoint {
    // One client for all: each java.net.http client owns a selector thread.
    private static final HttpClient HTTP = HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(1))
            .build();
    private static final Duration REQUEST_TIMEOUT = Duration.ofSeconds(2);

    /** What a GET came back with. */
    sealed interface Fetched {
        /** The server answered, with any status. */
        record Answered(int status, String body) implements Fetched {
        }

        /** No answer; {@code reason} says why, for the helper's failure message. */
        record Unanswered(String reason) implements Fetched {
        }
    }

    private DeveloperEndpoint() {
    }

    /** GETs {@code uri} as JSON; {@code shownAs} names the server in the reason when it does not answer. */
    static Fetched get(URI uri, Object shownAs) {
        HttpRequest request = HttpRequest.newBuilder(uri).header("Accept", "application/json")
                .timeout(REQUEST_TIMEOUT).GET().build();
        try {
            HttpResponse<String> response = HTTP.send(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
            return new Fetched.Answered(response.statusCode(), response.body());
        } catch (IOException e) {
            return new Fetched.Unanswered("no answer from " + shownAs + ": " + e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new Fetched.Unanswered("interrupted");
        }
    }
}
