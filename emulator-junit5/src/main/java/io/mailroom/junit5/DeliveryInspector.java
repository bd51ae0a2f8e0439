package io.mailroom.junit5;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads SNS's per-subscription delivery records through the dashboard's {@code GET /_mailroom/api/topics}:
 * no SDK, and it works against a server in another process. Only HTTP/HTTPS subscriptions are kept.
 *
 * <p>The records do not say which POST was a SubscriptionConfirmation. A subscription gets confirmation
 * POSTs only while it is pending, and nothing else then, so: a pending subscription's deliveries are all
 * confirmations; a confirmed one's oldest delivery is its confirmation when the endpoint lists the whole
 * log (fewer than {@link #RECENT} deliveries; it lists only the newest ones).
 */
final class DeliveryInspector {
    /** How many deliveries per subscription the endpoint lists, newest first (TopicsView.RECENT_DELIVERIES). */
    static final int RECENT = 20;

    private static final ObjectMapper JSON = new ObjectMapper();

    private final URI uri;

    DeliveryInspector(URI endpoint) {
        this.uri = URI.create(endpoint.toString().replaceAll("/+$", "") + "/_mailroom/api/topics");
    }

    DeliverySnapshot look() {
        DeveloperEndpoint.Fetched fetched = DeveloperEndpoint.get(uri, uri);
        if (fetched instanceof DeveloperEndpoint.Fetched.Unanswered no) {
            return DeliverySnapshot.unreadable(no.reason());
        }
        DeveloperEndpoint.Fetched.Answered response = (DeveloperEndpoint.Fetched.Answered) fetched;
        if (response.status() != 200) {
            return DeliverySnapshot.unreadable("HTTP " + response.status() + " from " + uri + ": " + response.body());
        }
        JsonNode root;
        try {
            root = JSON.readTree(response.body());
        } catch (IOException e) {
            return DeliverySnapshot.unreadable("HTTP 200 with a body that is not JSON: " + response.body());
        }
        List<DeliverySnapshot.Subscription> subscriptions = new ArrayList<>();
        for (JsonNode topic : root.path("topics")) {
            String topicArn = topic.path("arn").asText();
            for (JsonNode s : topic.path("subscriptions")) {
                String protocol = s.path("protocol").asText();
                if (protocol.equals("http") || protocol.equals("https")) {
                    subscriptions.add(subscription(topicArn, s));
                }
            }
        }
        return DeliverySnapshot.of(subscriptions);
    }

    private static DeliverySnapshot.Subscription subscription(String topicArn, JsonNode s) {
        String arn = s.path("arn").asText();
        String endpoint = s.path("endpoint").asText();
        boolean pending = s.path("pending").asBoolean();
        JsonNode listed = s.path("deliveries"); // newest first
        int notifications = pending ? 0 : listed.size() < RECENT ? listed.size() - 1 : listed.size();
        List<DeliverySnapshot.Seen> deliveries = new ArrayList<>();
        for (int i = notifications - 1; i >= 0; i--) {
            JsonNode d = listed.get(i);
            int lastStatus = d.path("lastHttpStatus").asInt(0);
            JsonNode error = d.get("lastError");
            deliveries.add(new DeliverySnapshot.Seen(new HttpDelivery(topicArn, arn, endpoint,
                    d.path("messageId").asText(), d.path("status").asText(), d.path("attempts").asInt(),
                    lastStatus == 0 ? null : lastStatus),
                    error == null || error.isNull() ? null : error.asText()));
        }
        return new DeliverySnapshot.Subscription(topicArn, arn, endpoint, pending, deliveries);
    }
}
