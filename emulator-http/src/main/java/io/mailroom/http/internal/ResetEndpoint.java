package io.mailroom.http.internal;

import io.mailroom.core.request.RequestContext;
import io.mailroom.core.service.AwsService;
import io.mailroom.protocol.EncodedResponse;
import io.netty.handler.codec.http.FullHttpRequest;
import io.netty.handler.codec.http.QueryStringDecoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/**
 * {@code POST /_mailroom/reset}: drops the state of every service, as after a fresh start (which includes
 * applying the setup file again, when the server has one).
 */
public final class ResetEndpoint implements InternalEndpoint {
    private static final byte[] OK = "{\"reset\":true}".getBytes(StandardCharsets.UTF_8);
    private final Consumer<RequestContext> reset;

    public ResetEndpoint(List<AwsService> services) {
        List<AwsService> all = List.copyOf(services);
        this.reset = ctx -> all.forEach(AwsService::reset);
    }

    /** @param reset does the whole reset; the request's context gives the endpoint the client used */
    public ResetEndpoint(Consumer<RequestContext> reset) {
        this.reset = reset;
    }

    @Override
    public boolean matches(FullHttpRequest request, String path) {
        String method = request.method().name();
        return "POST".equals(method) && "/_mailroom/reset".equals(path);
    }

    @Override
    public EncodedResponse handle(FullHttpRequest request, QueryStringDecoder uri, RequestContext context) {
        reset.accept(context);
        return new EncodedResponse(200, "application/json", OK, Map.of());
    }
}
