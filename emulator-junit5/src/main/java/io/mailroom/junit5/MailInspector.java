package io.mailroom.junit5;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads the mail SES accepted through Mailroom's LocalStack-compatible {@code GET /_aws/ses}: no SDK, and
 * it works against a server in another process. Every account's and region's mail is listed, in send order.
 */
final class MailInspector {
    private static final ObjectMapper JSON = new ObjectMapper();

    private final URI uri;

    MailInspector(URI endpoint) {
        this.uri = URI.create(endpoint.toString().replaceAll("/+$", "") + "/_aws/ses");
    }

    MailSnapshot look() {
        DeveloperEndpoint.Fetched fetched = DeveloperEndpoint.get(uri, uri);
        if (fetched instanceof DeveloperEndpoint.Fetched.Unanswered no) {
            return MailSnapshot.unreadable(no.reason());
        }
        DeveloperEndpoint.Fetched.Answered response = (DeveloperEndpoint.Fetched.Answered) fetched;
        if (response.status() != 200) {
            return MailSnapshot.unreadable("HTTP " + response.status() + ": " + response.body());
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
