package io.mailroom.protocol.rest;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.mailroom.protocol.Canonical;
import io.mailroom.protocol.EncodedResponse;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Function;

/**
 * S3's OPTIONS object, which no SDK model describes, and the {@code Access-Control-*} headers S3 adds to other
 * answers: the request's {@code Origin} and preflight headers go to the service as members, and the headers it
 * grants come back under {@code Headers}. An allowed preflight is {@code 200} with no body and no content type.
 */
public final class CrossOriginCodec {

    private CrossOriginCodec() {
    }

    /**
     * The canonical input of {@code io.mailroom.s3.api.CorsOperations}' preflight and headers operations.
     *
     * @param key null for the bucket itself
     */
    public static ObjectNode decode(String bucket, String key, String method, Function<String, String> header) {
        ObjectNode in = Canonical.NODES.objectNode();
        in.put("Bucket", bucket);
        if (key != null) {
            in.put("Key", key);
        }
        in.put("Method", method);
        putIfPresent(in, "Origin", header.apply("Origin"));
        putIfPresent(in, "AccessControlRequestMethod", header.apply("Access-Control-Request-Method"));
        putIfPresent(in, "AccessControlRequestHeaders", header.apply("Access-Control-Request-Headers"));
        return in;
    }

    /** The answer to an allowed preflight. */
    public static EncodedResponse preflight(JsonNode output, String requestId) {
        Map<String, String> headers = RestXmlCodec.requestIdHeaders(requestId);
        output.path("Headers").fields().forEachRemaining(h -> headers.put(h.getKey(), h.getValue().asText()));
        return new EncodedResponse(200, null, new byte[0], headers);
    }

    /** {@code response} with the headers the service granted its request; the same response when it granted none. */
    public static EncodedResponse withGranted(EncodedResponse response, JsonNode output) {
        JsonNode granted = output.path("Headers");
        if (granted.isEmpty()) {
            return response;
        }
        Map<String, String> headers = new LinkedHashMap<>(response.headers());
        granted.fields().forEachRemaining(h -> headers.put(h.getKey(), h.getValue().asText()));
        return new EncodedResponse(response.status(), response.contentType(), response.body(), headers);
    }

    private static void putIfPresent(ObjectNode in, String member, String value) {
        if (value != null) {
            in.put(member, value);
        }
    }
}
