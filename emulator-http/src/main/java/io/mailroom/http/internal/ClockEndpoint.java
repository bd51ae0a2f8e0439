package io.mailroom.http.internal;

import io.mailroom.protocol.Canonical;
import io.mailroom.http.DeveloperJson;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.mailroom.core.error.CommonErrors;
import io.mailroom.core.request.RequestContext;
import io.mailroom.core.time.ServerClock;
import io.mailroom.protocol.EncodedResponse;
import io.mailroom.protocol.json.JsonCodec;
import io.netty.handler.codec.http.FullHttpRequest;
import io.netty.handler.codec.http.QueryStringDecoder;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.DateTimeException;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;

/**
 * {@code /_mailroom/clock}: the server clock every service runs on. {@code GET} tells the time and mode;
 * {@code POST} with {@code {"advance": "PT30S"}}, {@code {"set": "2026-01-01T00:00:00Z"}} or
 * {@code {"mode": "frozen" | "running" | "system"}} moves or switches it. Advancing fires everything that
 * became due, in time order.
 */
public final class ClockEndpoint implements InternalEndpoint {
    private static final String PATH = "/_mailroom/clock";
    private final ServerClock clock;

    public ClockEndpoint(ServerClock clock) {
        this.clock = clock;
    }

    @Override
    public boolean matches(FullHttpRequest request, String path) {
        String method = request.method().name();
        return PATH.equals(path) && ("GET".equals(method) || "POST".equals(method));
    }

    @Override
    public EncodedResponse handle(FullHttpRequest request, QueryStringDecoder uri, RequestContext context) {
        if ("POST".equals(request.method().name())) {
            apply(parse(request));
        }
        ObjectNode state = Canonical.NODES.objectNode();
        state.put("now", clock.now().toString());
        state.put("epochMillis", clock.millis());
        state.put("mode", clock.isFrozen() ? "frozen" : "running");
        return new EncodedResponse(200, "application/json", JsonCodec.encode(state), Map.of());
    }

    private static JsonNode parse(FullHttpRequest request) {
        try {
            JsonNode body = DeveloperJson.MAPPER.readTree(request.content().toString(StandardCharsets.UTF_8));
            if (body == null || !body.isObject()) {
                throw CommonErrors.INVALID_PARAMETER_VALUE.exception("Expected a JSON object.");
            }
            return body;
        } catch (IOException e) {
            throw CommonErrors.INVALID_PARAMETER_VALUE.exception("Expected a JSON object: %s", e.getMessage());
        }
    }

    private void apply(JsonNode body) {
        try {
            if (body.hasNonNull("mode")) {
                switch (body.get("mode").asText()) {
                    case "frozen" -> clock.freeze();
                    case "running" -> clock.resume();
                    case "system" -> clock.resetToSystem();
                    default -> throw CommonErrors.INVALID_PARAMETER_VALUE.exception(
                            "mode must be frozen, running or system, not %s", body.get("mode").asText());
                }
            }
            if (body.hasNonNull("set")) {
                clock.set(Instant.parse(body.get("set").asText()));
            }
            if (body.hasNonNull("advance")) {
                Duration by = Duration.parse(body.get("advance").asText());
                if (by.isNegative()) {
                    throw CommonErrors.INVALID_PARAMETER_VALUE.exception("advance must not be negative: %s", by);
                }
                clock.advance(by);
            }
        } catch (DateTimeException e) {
            throw CommonErrors.INVALID_PARAMETER_VALUE.exception("Not an ISO-8601 time or duration: %s", e.getMessage());
        }
    }
}
