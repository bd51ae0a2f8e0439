package io.mailroom.junit5;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads a queue through Mailroom's LocalStack-compatible {@code GET /_aws/sqs/messages}, which lists
 * messages without receiving them: waiting for a message does not change what the code under test sees,
 * and needs no AWS SDK. Works against a server in another process (a container) as well.
 */
final class QueueInspector {
    private static final ObjectMapper JSON = new ObjectMapper();

    private final URI endpoint;
    private final String region;
    private final String accountId;

    /** Queue names are looked up in {@code region} and {@code accountId}; queue URLs name their account. */
    QueueInspector(URI endpoint, String region, String accountId) {
        this.endpoint = endpoint;
        this.region = region;
        this.accountId = accountId;
    }

    /** Every message on {@code queue} (a queue URL, or a name), in send order, whatever its state. */
    QueueSnapshot look(String queue) {
        DeveloperEndpoint.Fetched fetched = DeveloperEndpoint.get(uriFor(queue), endpoint);
        if (fetched instanceof DeveloperEndpoint.Fetched.Unanswered no) {
            return QueueSnapshot.unreadable(queue, no.reason());
        }
        DeveloperEndpoint.Fetched.Answered response = (DeveloperEndpoint.Fetched.Answered) fetched;
        try {
            JsonNode body = JSON.readTree(response.body());
            if (response.status() != 200) {
                return QueueSnapshot.unreadable(queue, body.path("__type").asText("HTTP " + response.status())
                        + ": " + body.path("message").asText(response.body()));
            }
            List<QueueMessage> messages = new ArrayList<>();
            for (JsonNode m : body.path("Messages")) {
                messages.add(message(m));
            }
            return QueueSnapshot.of(queue, messages);
        } catch (IOException e) {
            return QueueSnapshot.unreadable(queue, "HTTP " + response.status() + " with a body that is not JSON: "
                    + response.body());
        }
    }

    private URI uriFor(String queue) {
        String base = endpoint.toString().replaceAll("/+$", "") + "/_aws/sqs/messages";
        String flags = "ShowInvisible=true&ShowDelayed=true";
        if (queue.contains("/")) {
            return URI.create(base + "?QueueUrl=" + URLEncoder.encode(queue, StandardCharsets.UTF_8) + "&" + flags);
        }
        return URI.create(base + "/" + region + "/" + accountId + "/"
                + URLEncoder.encode(queue, StandardCharsets.UTF_8) + "?" + flags);
    }

    private static QueueMessage message(JsonNode m) {
        Map<String, String> attributes = new LinkedHashMap<>();
        for (Iterator<Map.Entry<String, JsonNode>> it = m.path("Attributes").fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> e = it.next();
            attributes.put(e.getKey(), e.getValue().asText());
        }
        // The two flags describe the inspection, not the message: they become its state.
        boolean visible = "true".equals(attributes.remove("IsVisible"));
        boolean delayed = "true".equals(attributes.remove("IsDelayed"));
        QueueMessage.State state = visible ? QueueMessage.State.VISIBLE
                : delayed ? QueueMessage.State.DELAYED : QueueMessage.State.IN_FLIGHT;
        Map<String, MessageAttribute> messageAttributes = new LinkedHashMap<>();
        for (Iterator<Map.Entry<String, JsonNode>> it = m.path("MessageAttributes").fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> e = it.next();
            JsonNode a = e.getValue();
            String value = a.has("StringValue") ? a.get("StringValue").asText() : a.path("BinaryValue").asText();
            messageAttributes.put(e.getKey(), new MessageAttribute(a.path("DataType").asText(), value));
        }
        return new QueueMessage(m.path("MessageId").asText(), m.path("Body").asText(), state, attributes,
                messageAttributes);
    }
}
