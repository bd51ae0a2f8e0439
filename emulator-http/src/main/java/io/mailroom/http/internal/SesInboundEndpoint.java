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
import io.mailroom.ses.inbound.InboundResult;
import io.netty.handler.codec.http.FullHttpRequest;
import io.netty.handler.codec.http.QueryStringDecoder;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

/**
 * Mail from the internet without SMTP, for tests. {@code POST /_mailroom/ses/inbound} with
 * {@code {"from": "sender@example.org", "to": ["me@example.com"], "raw": "<RFC 5322 text>"}} ({@code rawBase64}
 * instead of {@code raw} for bytes; optional {@code remoteIp}, default {@code 127.0.0.1}, and {@code tls}) runs
 * the message through the active receipt rules as SMTP would, answering
 * {@code {"messageId", "accepted", "rejected"}}. {@code GET} lists what was received and what the rules did.
 */
public final class SesInboundEndpoint implements InternalEndpoint {
    private static final String PATH = "/_mailroom/ses/inbound";
    private final Supplier<SesModule> ses;

    public SesInboundEndpoint(Supplier<SesModule> ses) {
        this.ses = ses;
    }

    @Override
    public boolean matches(FullHttpRequest request, String path) {
        String method = request.method().name();
        return (PATH.equals(path) || (PATH + "/").equals(path)) && ("GET".equals(method) || "POST".equals(method));
    }

    @Override
    public EncodedResponse handle(FullHttpRequest request, QueryStringDecoder uri, RequestContext context) {
        if ("GET".equals(request.method().name())) {
            return json(ses.get().inboundMessagesJson());
        }
        JsonNode body = parse(request);
        String from = body.path("from").asText("");
        List<String> to = new ArrayList<>();
        JsonNode toNode = body.path("to");
        if (toNode.isTextual()) {
            to.add(toNode.asText());
        } else {
            toNode.forEach(n -> to.add(n.asText()));
        }
        if (to.isEmpty()) {
            throw CommonErrors.INVALID_PARAMETER_VALUE.exception("\"to\" must name at least one recipient.");
        }
        byte[] raw;
        if (body.hasNonNull("rawBase64")) {
            try {
                raw = Base64.getMimeDecoder().decode(body.get("rawBase64").asText());
            } catch (IllegalArgumentException e) {
                throw CommonErrors.INVALID_PARAMETER_VALUE.exception("rawBase64 is not Base64: %s", e.getMessage());
            }
        } else if (body.hasNonNull("raw")) {
            raw = body.get("raw").asText().getBytes(StandardCharsets.UTF_8);
        } else {
            throw CommonErrors.INVALID_PARAMETER_VALUE.exception("Give the message as \"raw\" or \"rawBase64\".");
        }
        InboundResult result = ses.get().receiveInbound(from, to, raw, body.path("remoteIp").asText("127.0.0.1"),
                body.path("tls").asBoolean(false));
        ObjectNode out = Canonical.NODES.objectNode();
        if (result.messageId() == null) {
            out.putNull("messageId");
        } else {
            out.put("messageId", result.messageId());
        }
        result.accepted().forEach(out.putArray("accepted")::add);
        result.rejected().forEach(out.putArray("rejected")::add);
        return json(out);
    }

    private static EncodedResponse json(ObjectNode node) {
        return new EncodedResponse(200, "application/json", JsonCodec.encode(node), Map.of());
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
}
