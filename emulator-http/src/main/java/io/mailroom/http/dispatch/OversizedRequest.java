package io.mailroom.http.dispatch;

import io.mailroom.core.error.AwsException;
import io.mailroom.core.error.CommonErrors;
import io.mailroom.core.error.ErrorCode;
import io.netty.buffer.Unpooled;
import io.netty.handler.codec.http.DefaultFullHttpRequest;
import io.netty.handler.codec.http.EmptyHttpHeaders;
import io.netty.handler.codec.http.HttpRequest;
import io.netty.handler.codec.http.HttpUtil;

/**
 * A request whose body the server will not read: over the server's limit, or (see {@link #timedOut}) not all
 * sent in time. Its start line and headers without the body, so that the dispatcher answers it like any other
 * request, in the protocol and for the service it addressed, instead of with a bare status an SDK cannot parse.
 */
public final class OversizedRequest extends DefaultFullHttpRequest {
    private final ErrorCode code;
    private final String message;

    private OversizedRequest(HttpRequest start, ErrorCode code, String message, boolean lastOnConnection) {
        super(start.protocolVersion(), start.method(), start.uri(), Unpooled.EMPTY_BUFFER, start.headers().copy(),
                EmptyHttpHeaders.INSTANCE);
        this.code = code;
        this.message = message;
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
        return new OversizedRequest(start, CommonErrors.REQUEST_ENTITY_TOO_LARGE, String.format(
                "Request body must be no longer than %d bytes (Mailroom's limit: --max-body-mib, MAILROOM_MAX_BODY_MIB).",
                limit), lastOnConnection);
    }

    /**
     * A request whose client stopped sending its body: answered with S3's RequestTimeout, after which the
     * connection closes
     * (https://docs.aws.amazon.com/AmazonS3/latest/API/ErrorResponses.html#ErrorCodeList).
     */
    public static OversizedRequest timedOut(HttpRequest start) {
        return new OversizedRequest(start, CommonErrors.REQUEST_TIMEOUT, "Your socket connection to the server was not"
                + " read from or written to within the timeout period. Idle connections will be closed.", true);
    }

    AwsException error() {
        return code.exception(message);
    }
}
