package io.mailroom.http;

import io.mailroom.core.error.AwsException;
import io.mailroom.protocol.Canonical;
import io.mailroom.protocol.EncodedResponse;
import io.mailroom.protocol.json.JsonCodec;
import io.mailroom.protocol.query.QueryErrorEncoder;
import io.netty.handler.codec.http.HttpMessage;
import java.util.Map;

/**
 * An error answered before any service saw the request (a request HTTP could not parse), after which the
 * connection closes: the rest of the bytes on it cannot be trusted to start the next request. Rendered in
 * the protocol the request looks like: AWS JSON when it names an {@code X-Amz-Target}, the XML error shape
 * otherwise.
 */
final class LastAnswer {
    private LastAnswer() {
    }

    static EncodedResponse encode(HttpMessage request, AwsException error, String requestId) {
        if (request.headers().contains("X-Amz-Target")) {
            return new EncodedResponse(error.error().status(), "application/x-amz-json-1.0", JsonCodec.encode(
                    Canonical.NODES.objectNode().put("__type", error.error().type()).put("message", error.getMessage())),
                    Map.of());
        }
        return new EncodedResponse(error.error().status(), "text/xml", QueryErrorEncoder.encode(null, error, requestId),
                Map.of());
    }
}
