package io.mailroom.http.internal;

import io.mailroom.core.request.RequestContext;
import io.mailroom.protocol.EncodedResponse;
import io.netty.handler.codec.http.FullHttpRequest;
import io.netty.handler.codec.http.QueryStringDecoder;

/** A developer endpoint under {@code /_mailroom/} or {@code /_aws/}: not part of any AWS API. */
public interface InternalEndpoint {

    /** Whether this endpoint serves the request; {@code path} is the decoded path without the query. */
    boolean matches(FullHttpRequest request, String path);

    EncodedResponse handle(FullHttpRequest request, QueryStringDecoder uri, RequestContext context);
}
