package io.mailroom.http.dashboard;

import com.fasterxml.jackson.databind.JsonNode;
import io.mailroom.protocol.EncodedResponse;
import io.mailroom.protocol.json.JsonCodec;
import java.util.Map;

/** A dashboard view's answer: JSON the page polls, never cached (it is live state). */
final class Json {
    private static final Map<String, String> HEADERS = Map.of("Cache-Control", "no-store");

    private Json() {
    }

    static EncodedResponse ok(JsonNode body) {
        return new EncodedResponse(200, "application/json", JsonCodec.encode(body), HEADERS);
    }
}
