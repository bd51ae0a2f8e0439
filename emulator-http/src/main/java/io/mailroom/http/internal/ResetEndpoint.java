package io.mailroom.http.internal;

import io.mailroom.core.request.RequestContext;
import io.mailroom.core.service.AwsService;
import io.mailroom.protocol.EncodedResponse;
import io.netty.handler.codec.http.FullHttpRequest;
import io.netty.handler.codec.http.QueryStringDecoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

/** {@code POST /_mailroom/reset}: drops the state of every service, as after a fresh start. */
public final class ResetEndpoint implements InternalEndpoint {
    private static final byte[] OK = "{\"reset\":true}".getBytes(StandardCharsets.UTF_8);
    private final List<AwsService> services;

    public ResetEndpoint(List<AwsService> services) {
        this.services = List.copyOf(services);
    }

    @Override
    public boolean matches(FullHttpRequest request, String path) {
        String method = request.method().name();
        return "POST".equals(method) && "/_mailroom/reset".equals(path);
    }

    @Override
    public EncodedResponse handle(FullHttpRequest request, QueryStringDecoder uri, RequestContext context) {
        services.forEach(AwsService::reset);
        return new EncodedResponse(200, "application/json", OK, Map.of());
    }
}
