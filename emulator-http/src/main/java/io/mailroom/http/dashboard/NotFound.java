package io.mailroom.http.dashboard;

import io.mailroom.protocol.Canonical;
import io.mailroom.protocol.EncodedResponse;
import io.mailroom.protocol.json.JsonCodec;
import java.util.Map;

/** The 404 of the dashboard's routes, in the developer endpoints' error shape ({@code code}, {@code message}). */
final class NotFound {
    private NotFound() {
    }

    static EncodedResponse response(String message) {
        return new EncodedResponse(404, "application/json", JsonCodec.encode(Canonical.NODES.objectNode()
                .put("code", "NotFound").put("message", message)), Map.of());
    }
}
