package io.mailroom.junit5;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads the mail SES accepted through Mailroom's LocalStack-compatible {@code GET /_aws/ses}: no SDK, and
 * it works against a server in another process. Every account's and region's mail is listed, in send order.
 */
final class MailInspector {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient HTTP = HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(1))
            .build();
    private static final Duration REQUEST_TIMEOUT = Duration.ofSeconds(2);

    private final URI uri;

    MailInspector(URI endpoint) {
        this.uri = URI.create(endpoint.toString().replaceAll("/+$", "") + "/_aws/ses");
    }

    MailSnapshot look() {
        HttpRequest request = HttpRequest.newBuilder(uri).header("Accept", "application/json")
                .timeout(REQUEST_TIMEOUT).GET().build();
        HttpResponse<String> response;
        try {
            response = HTTP.send(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        } catch (IOException e) {
            return MailSnapshot.unreadable("no answer from " + uri + ": " + e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return MailSnapshot.unreadable("interrupted");
        }
        if (response.statusCode() != 200) {
            return MailSnapshot.unreadable("HTTP " + response.statusCode() + ": " + response.body());
        }
        try {
            List<SentMail> mail = new ArrayList<>();
            for (JsonNode m : JSON.readTree(response.body()).path("messages")) {
                mail.add(mail(m));
            }
            return MailSnapshot.of(mail);
        } catch (IOException e) {
            return MailSnapshot.unreadable("HTTP 200 with a body that is not JSON: " + response.body());
        }
    }

    private static SentMail mail(JsonNode m) {
        JsonNode destination = m.path("Destination");
        JsonNode body = m.path("Body");
        // The endpoint serves the raw message as UTF-8 text, so these are the bytes SES kept for any UTF-8
        // or 7-bit message (which is what SES composes, and what MIME transfer encodings produce).
        byte[] raw = m.path("RawData").asText("").getBytes(StandardCharsets.UTF_8);
        return new SentMail(m.path("Id").asText(), text(m, "Source"), strings(destination.path("ToAddresses")),
                strings(destination.path("CcAddresses")), text(m, "Subject"), text(body, "text_part"),
                text(body, "html_part"), raw);
    }

    private static String text(JsonNode parent, String field) {
        JsonNode value = parent.get(field);
        return value == null || value.isNull() ? null : value.asText();
    }

    private static List<String> strings(JsonNode array) {
        List<String> out = new ArrayList<>();
        array.forEach(n -> out.add(n.asText()));
        return out;
    }
}
