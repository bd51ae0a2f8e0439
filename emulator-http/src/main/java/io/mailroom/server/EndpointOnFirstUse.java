package io.mailroom.server;

import io.mailroom.core.request.RequestContext;
import io.mailroom.http.dispatch.MadeOnFirstUse;
import io.mailroom.http.internal.InternalEndpoint;
import io.mailroom.protocol.EncodedResponse;
import io.netty.handler.codec.http.FullHttpRequest;
import io.netty.handler.codec.http.QueryStringDecoder;
import java.util.List;
import java.util.concurrent.CompletableFuture;

/**
 * A developer endpoint that reads services made on first use ({@link OnFirstUse}): the dispatcher makes them
 * on a thread of their own before the endpoint runs, as it does for the services' own requests, so that a
 * first look at sent mail or SNS's messages does not hold the event loop for the 0.1–0.3 s that takes.
 */
final class EndpointOnFirstUse implements InternalEndpoint, MadeOnFirstUse {
    private final InternalEndpoint endpoint;
    private final List<OnFirstUse<?>> needs;

    EndpointOnFirstUse(List<OnFirstUse<?>> needs, InternalEndpoint endpoint) {
        this.endpoint = endpoint;
        this.needs = List.copyOf(needs);
    }

    @Override
    public boolean matches(FullHttpRequest request, String path) {
        return endpoint.matches(request, path);
    }

    @Override
    public EncodedResponse handle(FullHttpRequest request, QueryStringDecoder uri, RequestContext context) {
        return endpoint.handle(request, uri, context);
    }

    @Override
    public boolean made() {
        return needs.stream().allMatch(OnFirstUse::made);
    }

    @Override
    public void make() {
        needs.forEach(OnFirstUse::make);
    }

    @Override
    public CompletableFuture<Void> madeOffThisThread() {
        return CompletableFuture.allOf(needs.stream().map(OnFirstUse::madeOffThisThread)
                .toArray(CompletableFuture[]::new));
    }
}
