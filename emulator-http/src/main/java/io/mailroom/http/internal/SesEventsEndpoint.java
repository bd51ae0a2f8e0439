package io.mailroom.http.internal;

import io.mailroom.protocol.Canonical;
import io.mailroom.http.DeveloperJson;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.mailroom.core.error.CommonErrors;
import io.mailroom.core.request.RequestContext;
import io.mailroom.protocol.EncodedResponse;
import io.mailroom.protocol.json.JsonCodec;
import io.mailroom.ses.SesModule;
import io.mailroom.ses.engagement.SimulatedEvent;
import io.netty.handler.codec.http.FullHttpRequest;
import io.netty.handler.codec.http.QueryStringDecoder;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

/**
 * Engagement a local emulator never sees, on demand: {@code POST /_mailroom/ses/messages/{id}/open}
 * ({@code {"userAgent", "ipAddress"}}, both optional), {@code .../click} ({@code {"link": "https://...",
 * "linkTags": {"k": "v" or ["v", ...]}}}, tags optional) and {@code .../delivery-delay}
 * ({@code {"delayType": "TransientCommunicationFailure"}}) publish the event to the message's configuration
 * set's destinations. The answer is {@code {messageId, eventType, configurationSet, destinations, event}}.
 */
public final class SesEventsEndpoint implements InternalEndpoint {
    private static final String PREFIX = "/_mailroom/ses/messages/";
    private static final List<String> ACTIONS = List.of("/open", "/click", "/delivery-delay");
    private final Supplier<SesModule> ses;

    public SesEventsEndpoint(Supplier<SesModule> ses) {
        this.ses = ses;
    }

    @Override
    public boolean matches(FullHttpRequest request, String path) {
        return "POST".equals(request.method().name()) && path.startsWith(PREFIX)
                && ACTIONS.stream().anyMatch(a -> path.endsWith(a) && path.length() > PREFIX.length() + a.length());
    }

    @Override
    public EncodedResponse handle(FullHttpRequest request, QueryStringDecoder uri, RequestContext context) {
        String rest = uri.path().substring(PREFIX.length());
        int slash = rest.lastIndexOf('/');
        String id = rest.substring(0, slash);
        JsonNode body = parse(request);
        SimulatedEvent result = switch (rest.substring(slash + 1)) {
            case "open" -> ses.get().simulateOpen(id, text(body, "userAgent"), text(body, "ipAddress"));
            case "click" -> ses.get().simulateClick(id, text(body, "link"), linkTags(body.get("linkTags")),
                    text(body, "userAgent"), text(body, "ipAddress"));
            case "delivery-delay" -> ses.get().simulateDeliveryDelay(id, body.path("delayType")
                    .asText("TransientCommunicationFailure"));
            default -> throw CommonErrors.INVALID_ACTION.exception("No developer endpoint POST %s.", uri.path());
        };
        ObjectNode out = Canonical.NODES.objectNode();
        out.put("messageId", result.messageId());
        out.put("eventType", result.eventType());
        out.put("configurationSet", result.configurationSet());
        result.destinations().forEach(out.putArray("destinations")::add);
        out.set("event", result.event());
        return new EncodedResponse(200, "application/json", JsonCodec.encode(out), Map.of());
    }

    private static String text(JsonNode body, String field) {
        JsonNode value = body.get(field);
        return value == null || value.isNull() ? null : value.asText();
    }

    /** AWS reports each tag with a list of values; a single string is taken as a one-value list. */
    private static Map<String, List<String>> linkTags(JsonNode tags) {
        if (tags == null || tags.isNull()) {
            return null;
        }
        if (!tags.isObject()) {
            throw CommonErrors.INVALID_PARAMETER_VALUE.exception("linkTags must be an object of tag names.");
        }
        Map<String, List<String>> out = new LinkedHashMap<>();
        for (Iterator<Map.Entry<String, JsonNode>> it = tags.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> e = it.next();
            List<String> values = new ArrayList<>();
            if (e.getValue().isArray()) {
                e.getValue().forEach(v -> values.add(v.asText()));
            } else {
                values.add(e.getValue().asText());
            }
            out.put(e.getKey(), values);
        }
        return out;
    }

    /** An empty body is an empty object: open and delivery-delay need nothing. */
    private static JsonNode parse(FullHttpRequest request) {
        String text = request.content().toString(StandardCharsets.UTF_8);
        if (text.isBlank()) {
            return Canonical.NODES.objectNode();
        }
        try {
            JsonNode body = DeveloperJson.MAPPER.readTree(text);
            if (body == null || !body.isObject()) {
                throw CommonErrors.INVALID_PARAMETER_VALUE.exception("Expected a JSON object.");
            }
            return body;
        } catch (IOException e) {
            throw CommonErrors.INVALID_PARAMETER_VALUE.exception("Expected a JSON object: %s", e.getMessage());
        }
    }
}
