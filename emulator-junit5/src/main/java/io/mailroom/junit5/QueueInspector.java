package io.mailroom.junit5;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
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
                JsonNode error = body.path("ErrorResponse").path("Error");
                return QueueSnapshot.unreadable(queue, error.path("Code").asText("HTTP " + response.status())
                        + ": " + error.path("Message").asText(response.body()));
            }
            List<QueueMessage> messages = new ArrayList<>();
            for (JsonNode m : elements(body.path("ReceiveMessageResponse").path("ReceiveMessageResult").path("Message"))) {
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

    /**
     * The endpoint answers LocalStack's JSON, which is its XML through xmltodict: a repeated element is a
     * list, a single one an object, an absent one missing.
     */
    private static List<JsonNode> elements(JsonNode node) {
        List<JsonNode> elements = new ArrayList<>();
        if (node.isArray()) {
            node.forEach(elements::add);
        } else if (node.isObject()) {
            elements.add(node);
        }
        return elements;
    }

    private static QueueMessage message(JsonNode m) {
        Map<String, String> attributes = new LinkedHashMap<>();
        for (JsonNode a : elements(m.path("Attribute"))) {
            attributes.put(a.path("Name").asText(), a.path("Value").asText());
        }
        // The two flags describe the inspection, not the message: they become its state.
        boolean visible = "true".equals(attributes.remove("IsVisible"));
        boolean delayed = "true".equals(attributes.remove("IsDelayed"));
        QueueMessage.State state = visible ? QueueMessage.State.VISIBLE
                : delayed ? QueueMessage.State.DELAYED : QueueMessage.State.IN_FLIGHT;
        Map<String, MessageAttribute> messageAttributes = new LinkedHashMap<>();
        for (JsonNode a : elements(m.path("MessageAttribute"))) {
            JsonNode value = a.path("Value");
            String text = value.has("StringValue") ? value.get("StringValue").asText() : value.path("BinaryValue").asText();
            messageAttributes.put(a.path("Name").asText(), new MessageAttribute(value.path("DataType").asText(), text));
        }
        return new QueueMessage(m.path("MessageId").asText(), m.path("Body").asText(), state, attributes,
                messageAttributes);
    }
}
