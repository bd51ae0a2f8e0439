package io.mailroom.http.dispatch;

import io.mailroom.core.error.AwsException;
import io.mailroom.core.error.CommonErrors;
import io.mailroom.core.error.ErrorCode;
import io.netty.handler.codec.http.FullHttpRequest;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpHeaderValues;
import io.netty.handler.codec.http.HttpHeaders;
import io.netty.handler.codec.http.HttpRequest;
import io.netty.handler.codec.http.HttpVersion;
import java.util.Iterator;

/**
 * What HTTP/1.1 itself requires of a request before any service looks at it. Each test reads a header the
 * request already holds; none allocates for the usual request beyond Netty's own header iterator.
 */
public final class HttpConformance {
    /** RFC 9110 section 15.6.6, https://www.rfc-editor.org/rfc/rfc9110#section-15.6.6. */
    static final ErrorCode VERSION_NOT_SUPPORTED = ErrorCode.sender("HttpVersionNotSupported", 505);

    private HttpConformance() {
    }

    /** Why the request must be refused, or null when it may be routed. */
    static AwsException refusal(FullHttpRequest request) {
        HttpVersion version = request.protocolVersion();
        if (version.majorVersion() != 1) {
            // Netty reads any HTTP/x.y; only HTTP/1.x is served here (PRI * HTTP/2.0 is an HTTP/2 preface).
            return VERSION_NOT_SUPPORTED.exception("HTTP version %s is not supported; use HTTP/1.1.", version.text());
        }
        HttpHeaders headers = request.headers();
        // RFC 9112 section 3.2: an HTTP/1.1 request without a Host, or with more than one, is 400. HTTP/1.0 may
        // go without (health checks written with printf do).
        Iterator<? extends CharSequence> hosts = headers.valueCharSequenceIterator(HttpHeaderNames.HOST);
        boolean hasHost = hosts.hasNext();
        if (hasHost) {
            hosts.next();
            if (hosts.hasNext()) {
                return CommonErrors.BAD_REQUEST.exception("The request has more than one Host header.");
            }
        } else if (version.minorVersion() >= 1) {
            return CommonErrors.BAD_REQUEST.exception("An HTTP/1.1 request must have a Host header.");
        }
        // RFC 9112 section 6.1: a transfer coding the server does not understand is 501. Netty only undoes chunked.
        if (hasUnknownCoding(request)) {
            return CommonErrors.NOT_IMPLEMENTED.exception("Transfer-Encoding %s is not implemented; only chunked is.",
                    headers.get(HttpHeaderNames.TRANSFER_ENCODING));
        }
        return null;
    }

    /**
     * Whether the body comes in a transfer coding other than chunked, which Netty cannot frame: nothing after
     * it on the connection can be read as a request, so the connection closes after the answer.
     */
    public static boolean hasUnknownCoding(HttpRequest request) {
        String codings = request.headers().get(HttpHeaderNames.TRANSFER_ENCODING);
        return codings != null && !HttpHeaderValues.CHUNKED.contentEqualsIgnoreCase(codings.trim());
    }
}
