package io.mailroom.http.internal;

import io.mailroom.protocol.Canonical;
import io.mailroom.core.error.CommonErrors;
import io.mailroom.core.request.RequestContext;
import io.mailroom.protocol.EncodedResponse;
import io.mailroom.protocol.json.JsonCodec;
import io.mailroom.ses.SesModule;
import io.netty.handler.codec.http.FullHttpRequest;
import io.netty.handler.codec.http.QueryStringDecoder;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * Sent mail. {@code GET /_aws/ses} (LocalStack's shape; filters {@code ?id=} and {@code ?email=}) and
 * {@code DELETE /_aws/ses[?id=]}; {@code GET /_mailroom/ses/messages/{id}.eml} is the raw RFC 5322 message.
 */
public final class SesMailboxEndpoint implements InternalEndpoint {
    private static final String LIST = "/_aws/ses";
    private static final String RAW = "/_mailroom/ses/messages/";
    private static final byte[] EMPTY = new byte[0];
    private final Supplier<SesModule> ses;

    public SesMailboxEndpoint(Supplier<SesModule> ses) {
        this.ses = ses;
    }

    @Override
    public boolean matches(FullHttpRequest request, String path) {
        return path.equals(LIST) || path.equals(LIST + "/") || (path.startsWith(RAW) && path.endsWith(".eml"));
    }

    @Override
    public EncodedResponse handle(FullHttpRequest request, QueryStringDecoder uri, RequestContext context) {
        String method = request.method().name();
        String path = uri.path();
        if (path.startsWith(RAW) && "GET".equals(method)) {
            String id = path.substring(RAW.length(), path.length() - ".eml".length());
            Optional<byte[]> raw = ses.get().rawMessage(id);
            if (raw.isEmpty()) {
                return new EncodedResponse(404, "application/json", JsonCodec.encode(Canonical.NODES.objectNode()
                        .put("code", "NotFound").put("message", "No sent message " + id + ".")), Map.of());
            }
            return new EncodedResponse(200, "message/rfc822", raw.get(), Map.of());
        }
        if (!path.startsWith(RAW) && "GET".equals(method)) {
            return new EncodedResponse(200, "application/json",
                    JsonCodec.encode(ses.get().sentMessagesJson(Params.get(uri, "id"), Params.get(uri, "email"))), Map.of());
        }
        if (!path.startsWith(RAW) && "DELETE".equals(method)) {
            ses.get().clearSentMessages(Params.get(uri, "id"));
            return new EncodedResponse(204, "application/json", EMPTY, Map.of());
        }
        throw CommonErrors.INVALID_ACTION.exception("No developer endpoint %s %s.", method, path);
    }
}
