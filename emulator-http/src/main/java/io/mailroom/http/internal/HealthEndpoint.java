package io.mailroom.http.internal;

import io.mailroom.protocol.Canonical;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.mailroom.core.request.RequestContext;
import io.mailroom.core.service.AwsService;
import io.mailroom.protocol.EncodedResponse;
import io.netty.handler.codec.http.FullHttpRequest;
import io.netty.handler.codec.http.QueryStringDecoder;
import java.util.List;
import java.util.Map;

/**
 * {@code GET /_mailroom/health}: which services run. Also answers LocalStack's
 * {@code /_localstack/health}, in the same shape and spacing, so existing readiness checks keep working.
 */
public final class HealthEndpoint implements InternalEndpoint {
    private final byte[] body;

    public HealthEndpoint(List<AwsService> services) {
        ObjectNode root = Canonical.NODES.objectNode();
        ObjectNode states = root.putObject("services");
        services.forEach(s -> states.put(s.descriptor().signingName(), "running"));
        root.put("edition", "mailroom");
        root.put("version", Version.current());
        body = LocalStackJson.encode(root);
    }

    @Override
    public boolean matches(FullHttpRequest request, String path) {
        String method = request.method().name();
        return ("GET".equals(method) || "HEAD".equals(method))
                && ("/_mailroom/health".equals(path) || "/_localstack/health".equals(path));
    }

    @Override
    public EncodedResponse handle(FullHttpRequest request, QueryStringDecoder uri, RequestContext context) {
        return new EncodedResponse(200, "application/json", body, Map.of());
    }
}
