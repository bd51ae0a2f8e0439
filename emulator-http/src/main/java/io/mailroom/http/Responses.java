package io.mailroom.http;

import io.mailroom.protocol.EncodedResponse;
import io.netty.buffer.Unpooled;
import io.netty.handler.codec.http.DefaultFullHttpResponse;
import io.netty.handler.codec.http.FullHttpResponse;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpHeaderValues;
import io.netty.handler.codec.http.HttpHeaders;
import io.netty.handler.codec.http.HttpResponseStatus;
import io.netty.handler.codec.http.HttpVersion;
import io.netty.util.AsciiString;
import java.util.Map;

/** Turns an encoded answer into a Netty response with AWS's standard headers. */
final class Responses {
    private static final AsciiString REQUEST_ID = AsciiString.cached("x-amzn-RequestId");

    private Responses() {
    }

    /**
     * The answer is HTTP/1.1 whatever minor version the request named: a server answers with the highest version
     * it conforms to whose major version is the request's (RFC 9110 section 6.2,
     * https://www.rfc-editor.org/rfc/rfc9110#section-6.2); other major versions are refused before this.
     *
     * @param requestVersion the request's, which decides how a persistent connection is announced: an HTTP/1.0
     *                       client keeps its connection only when told {@code Connection: keep-alive}
     * @param keepAlive      whether the connection serves on after this answer
     */
    static FullHttpResponse toNetty(EncodedResponse encoded, String requestId, HttpVersion requestVersion,
                                    boolean keepAlive, AsciiString date) {
        FullHttpResponse response = new DefaultFullHttpResponse(HttpVersion.HTTP_1_1,
                HttpResponseStatus.valueOf(encoded.status()), Unpooled.wrappedBuffer(encoded.body()));
        HttpHeaders headers = response.headers();
        headers.set(HttpHeaderNames.DATE, date);
        // RFC 9110 15.4.5: a 304 carries the validators, not the representation's type or length (S3's has neither).
        if (encoded.status() != 304) {
            if (encoded.contentType() != null) { // S3's answer to a preflight has none
                headers.set(HttpHeaderNames.CONTENT_TYPE, encoded.contentType());
            }
            if (!encoded.headers().containsKey("Content-Length")) {
                headers.setInt(HttpHeaderNames.CONTENT_LENGTH, encoded.body().length); // HEAD answers name the object's
            }
        }
        if (!encoded.headers().containsKey("x-amz-request-id")) {
            headers.set(REQUEST_ID, requestId); // S3 sends its request id under its own name only
        }
        for (Map.Entry<String, String> h : encoded.headers().entrySet()) {
            headers.set(h.getKey(), h.getValue());
        }
        if (!keepAlive) {
            headers.set(HttpHeaderNames.CONNECTION, HttpHeaderValues.CLOSE);
        } else if (!requestVersion.isKeepAliveDefault()) {
            headers.set(HttpHeaderNames.CONNECTION, HttpHeaderValues.KEEP_ALIVE);
        }
        return response;
    }
}
