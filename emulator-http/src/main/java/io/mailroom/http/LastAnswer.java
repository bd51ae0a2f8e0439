package io.mailroom.http;

import io.mailroom.core.error.AwsException;
import io.mailroom.core.error.ErrorCode;
import io.mailroom.http.dispatch.S3Guess;
import io.mailroom.protocol.Canonical;
import io.mailroom.protocol.EncodedResponse;
import io.mailroom.protocol.json.JsonCodec;
import io.mailroom.protocol.query.QueryErrorEncoder;
import io.mailroom.protocol.rest.RestXmlCodec;
import io.netty.handler.codec.http.HttpMessage;
import io.netty.handler.codec.http.TooLongHttpHeaderException;
import io.netty.handler.codec.http.TooLongHttpLineException;
import java.util.Map;

/**
 * An error answered before any service saw the request (a request HTTP could not parse), after which the
 * connection closes: the rest of the bytes on it cannot be trusted to start the next request. Rendered in
 * the protocol the request looks like: AWS JSON when it names an {@code X-Amz-Target}, the XML error shape
 * otherwise.
 * <p>
 * A request line or header section over the limit is answered with the status HTTP has for it, 414 or 431
 * (RFC 9112 section 3, RFC 6585 section 5). A header section is only read once the request line is, so its
 * request may be seen to be S3's, which answers 400 in its own {@code <Error>} shape, with the limit
 * (RequestHeaderSectionTooLarge, https://docs.aws.amazon.com/AmazonS3/latest/API/ErrorResponses.html).
 */
final class LastAnswer {
    static final ErrorCode URI_TOO_LONG = ErrorCode.sender("RequestURITooLong", 414);
    static final ErrorCode HEADER_SECTION_TOO_LARGE = ErrorCode.sender("RequestHeaderSectionTooLarge", 431);
    static final ErrorCode S3_HEADER_SECTION_TOO_LARGE = ErrorCode.sender("RequestHeaderSectionTooLarge", 400);

    /** The header section HttpServer's codec reads, in bytes. */
    static final int MAX_HEADER_SECTION = 64 * 1024;

    private LastAnswer() {
    }

    static EncodedResponse encode(HttpMessage request, AwsException error, String requestId) {
        Throwable cause = request.decoderResult().cause();
        if (cause instanceof TooLongHttpLineException) {
            error = URI_TOO_LONG.exception("The request line is longer than the server reads: %s", cause.getMessage());
        } else if (cause instanceof TooLongHttpHeaderException) {
            if (S3Guess.of(request)) {
                return RestXmlCodec.error(S3_HEADER_SECTION_TOO_LARGE.exception(
                        "Your request header section exceeds the maximum allowed size.")
                        .with("MaxSizeAllowed", Integer.toString(MAX_HEADER_SECTION)), requestId, false);
            }
            error = HEADER_SECTION_TOO_LARGE.exception("Your request header section exceeds the maximum allowed size.");
        }
        if (request.headers().contains("X-Amz-Target")) {
            return new EncodedResponse(error.error().status(), "application/x-amz-json-1.0", JsonCodec.encode(
                    Canonical.NODES.objectNode().put("__type", error.error().type()).put("message", error.getMessage())),
                    Map.of());
        }
        return new EncodedResponse(error.error().status(), "text/xml", QueryErrorEncoder.encode(null, error, requestId),
                Map.of());
    }
}
