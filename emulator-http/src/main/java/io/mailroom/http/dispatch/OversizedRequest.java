package io.mailroom.http.dispatch;

import io.mailroom.core.error.AwsException;
import io.mailroom.core.error.CommonErrors;
import io.netty.buffer.Unpooled;
import io.netty.handler.codec.http.DefaultFullHttpRequest;
import io.netty.handler.codec.http.EmptyHttpHeaders;
import io.netty.handler.codec.http.HttpRequest;
import io.netty.handler.codec.http.HttpUtil;

/**
 * A request whose body is over the server's limit: its start line and headers without the body, so that the
 * dispatcher answers it like any other request, in the protocol and for the service it addressed, instead of
 * with a bare 413 an SDK cannot parse.
 */
public final class OversizedRequest extends DefaultFullHttpRequest {
    private final int limit;

    private OversizedRequest(HttpRequest start, int limit, boolean lastOnConnection) {
        super(start.protocolVersion(), start.method(), start.uri(), Unpooled.EMPTY_BUFFER, start.headers().copy(),
                EmptyHttpHeaders.INSTANCE);
        this.limit = limit;
        if (lastOnConnection) {
            HttpUtil.setKeepAlive(this, false);
        }
    }

    /**
     * The start of the request, copied (the aggregator releases what it held of it).
     *
     * @param lastOnConnection whether the connection closes after the answer, because the rest of the body will
     *                         not be read (the client waits for {@code 100 Continue}, or part of it is already in)
     */
    public static OversizedRequest of(HttpRequest start, int limit, boolean lastOnConnection) {
        return new OversizedRequest(start, limit, lastOnConnection);
    }

    AwsException error() {
        return CommonErrors.REQUEST_ENTITY_TOO_LARGE.exception(
                "Request body must be no longer than %d bytes (Mailroom's limit: --max-body-mib, MAILROOM_MAX_BODY_MIB).",
                limit);
    }
}
